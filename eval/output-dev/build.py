# Writes rows.jsonl from rows_a.py and rows_b.py, and round2.jsonl from rows_c.py (dev passages: tunable, used in training and cross-validation).
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
# Round 2 (rows_c.py) goes to its own file, so its first score stays readable: node eval/output-dev/measure.mjs --only round2
spec = importlib.util.spec_from_file_location('rows_c', here / 'rows_c.py')
c = importlib.util.module_from_spec(spec); spec.loader.exec_module(c)
with open(here / 'round2.jsonl', 'w', encoding='utf-8') as out:
    for lang, (unsafe, benign) in c.R2.items():
        for label, rows in (('unsafe', unsafe), ('benign', benign)):
            for cat, text in rows:
                out.write(json.dumps({'text': text, 'label': label, 'lang': lang, 'category': cat, 'round': 2}, ensure_ascii=False) + '\n')
# Round 3 (rows_d.py): round3.jsonl.
spec = importlib.util.spec_from_file_location('rows_d', here / 'rows_d.py')
d = importlib.util.module_from_spec(spec); spec.loader.exec_module(d)
with open(here / 'round3.jsonl', 'w', encoding='utf-8') as out:
    for lang, (unsafe, benign) in d.R3.items():
        for label, cats, rows in (('unsafe', d.U, unsafe), ('benign', d.B, benign)):
            for cat, text in zip(cats, rows):
                out.write(json.dumps({'text': text, 'label': label, 'lang': lang, 'category': cat, 'round': 3}, ensure_ascii=False) + '\n')
