# Writes rows.jsonl from rows_a.py and rows_b.py (dev passages: tunable, used in training and cross-validation).
import importlib.util, json, pathlib
here = pathlib.Path(__file__).parent
mods = []
for name in ['rows_a', 'rows_b']:
    spec = importlib.util.spec_from_file_location(name, here / f'{name}.py')
    m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); mods.append(m)
with open(here / 'rows.jsonl', 'w', encoding='utf-8') as out:
    for lang in ['en', 'de', 'zh', 'fr', 'es', 'ja']:
        for label, suffix in (('unsafe', 'U'), ('benign', 'B')):
            rows = next(getattr(m, f'{lang}_{suffix}') for m in mods if hasattr(m, f'{lang}_{suffix}'))
            for cat, text in rows:
                out.write(json.dumps({'text': text, 'label': label, 'lang': lang, 'category': cat}, ensure_ascii=False) + '\n')
