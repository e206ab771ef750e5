# Writes rows.jsonl from rows_<lang>.py (run once at the freeze; kept so the set's origin is visible).
import importlib.util, json, pathlib
here = pathlib.Path(__file__).parent
with open(here / 'rows.jsonl', 'w', encoding='utf-8') as out:
    for lang in ['en', 'de', 'zh', 'fr', 'es', 'ja']:
        spec = importlib.util.spec_from_file_location(lang, here / f'rows_{lang}.py')
        m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
        for label, rows in (('unsafe', m.U), ('benign', m.B)):
            for cat, text in rows:
                out.write(json.dumps({'text': text, 'label': label, 'lang': lang, 'category': cat}, ensure_ascii=False) + '\n')
