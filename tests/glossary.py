#!/usr/bin/env python3
"""Checks samtale's UI strings against doc/glossary.tsv (one Danish word per
thing) and its Danish messages for being sentences.

  glossary.py ROOT     checks ROOT/po/da.po, ROOT/src, ROOT/doc/samtale.1
                       and ROOT/README.md

UI strings are the Danish translations in po/da.po (the msgstr of every
message), every string literal in src/ that is not a message (the English
msgids in _(), N_(), C_(), NC_() and sam_ngettext() are not Danish; the
demo's phrase bank of made-up notes in her words, in src/demo.c, is data, not
UI), the man page and the README. A message handed to ui_status in the TUI
starts, in Danish, with a capital letter and ends with a full stop (or ? or !).
Prints FILE:LINE: what is wrong, one per line; exits 1 when anything is.
"""
import os
import re
import sys

LIT = r'"(?:[^"\\\n]|\\.)*"'
LITS = r'(?:' + LIT + r'\s*)+'
# A message: its msgid (and the context before it, and a plural after it).
GETTEXT = re.compile(r'\b(?:_|N_|sam_ngettext)\(\s*(' + LITS + r')(?:,\s*(' + LITS + r'))?'
                     r'|\b(?:C_|NC_)\(\s*(' + LITS + r'),\s*(' + LITS + r')')
MESSAGE = re.compile(r'\bui_status\s*\(\s*[^,;()]+,\s*(?:"%s",\s*)?'
                     r'(?:_\(\s*(' + LITS + r')|C_\(\s*(' + LITS + r'),\s*(' + LITS + r'))', re.S)
LETTER = r'[^\W\d_]'


def load_glossary(path):
    rules = []
    for lineno, line in enumerate(open(path, encoding='utf-8'), 1):
        if not line.strip() or line.startswith('#'):
            continue
        cols = line.rstrip('\n').split('\t')
        if len(cols) < 2:
            sys.exit(f'{path}:{lineno}: a Danish and an English word, tab-separated')
        for bad in (cols[2].split(',') if len(cols) > 2 else []):
            bad = bad.strip()
            if not bad:
                continue
            flags = 0 if bad.upper() == bad else re.IGNORECASE
            rules.append((re.compile(r'(?<!' + LETTER + r')' + re.escape(bad), flags), bad, cols[0]))
    return rules


def literal_text(lits):
    """The text of adjacent C string literals, escapes left as written."""
    return ''.join(m[1:-1] for m in re.findall(LIT, lits))


def strip_comments(src):
    """C source with comments blanked (newlines kept), string literals intact."""
    out, i, n = [], 0, len(src)
    while i < n:
        if src.startswith('/*', i):
            j = src.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', src[i:j]))
            i = j
        elif src.startswith('//', i):
            j = src.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif src[i] in '"\'':
            q, j = src[i], i + 1
            while j < n and src[j] != q and src[j] != '\n':
                j += 2 if src[j] == '\\' else 1
            out.append(src[i:j + 1])
            i = j + 1
        else:
            out.append(src[i])
            i += 1
    return ''.join(out)


def line_of(src, pos):
    return src.count('\n', 0, pos) + 1


def read_po(path):
    """[(msgctxt, msgid, [(line, msgstr), ...])] of a .po file, escapes as written."""
    entries, fields, field = [], {}, None

    def flush():
        if fields.get('msgid'):
            entries.append((fields.get('msgctxt', (0, None))[1], fields['msgid'][1],
                            [v for k, v in fields.items() if k.startswith('msgstr')]))
        fields.clear()

    for lineno, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
        if m:
            field = m.group(1)
            fields[field] = (lineno, m.group(2))
        elif line.startswith('"') and field:
            fields[field] = (fields[field][0], fields[field][1] + line[1:-1])
        elif not line.strip():
            flush()
            field = None
    flush()
    return entries


def po_strings(path):
    """(line, text) of every Danish translation in a .po file."""
    return [(line, text) for _, _, strs in read_po(path) for line, text in strs if text]


def msgid_positions(src):
    """Start offsets of the string literals that are msgids (English)."""
    pos = set()
    for m in GETTEXT.finditer(src):
        for g in range(1, 5):
            if m.group(g):
                for lit in re.finditer(LIT, m.group(g)):
                    pos.add(m.start(g) + lit.start())
    return pos


def ui_strings(path):
    """(line, text) of the UI strings of one C file other than its messages."""
    if os.path.basename(path) == 'demo.c':
        return []
    src = strip_comments(open(path, encoding='utf-8').read())
    english = msgid_positions(src)
    return [(line_of(src, m.start()), m.group()[1:-1]) for m in re.finditer(LIT, src)
            if m.start() not in english]


def messages(path, po):
    """(line, Danish) of the messages of one C file handed to ui_status."""
    src = strip_comments(open(path, encoding='utf-8').read())
    out = []
    for m in MESSAGE.finditer(src):
        ctx = literal_text(m.group(2)) if m.group(2) else None
        msgid = literal_text(m.group(1) or m.group(3))
        line = line_of(src, m.start())
        out.append((line, po.get((ctx, msgid)) or msgid))
    return out


def not_a_sentence(text):
    t = text.strip()
    if not t or t.startswith('%'):
        return None		# the sentence is made at run time around a value
    why = []
    if re.match(LETTER, t) and not t[0].isupper():
        why.append('does not start with a capital letter')
    if t[-1] not in '.?!' and not re.search(r'%[a-z]+$', t):	# a path or value last: no stop
        why.append('does not end with a full stop')
    return ' and '.join(why) or None


def check(root):
    rules = load_glossary(os.path.join(root, 'doc', 'glossary.tsv'))
    po_path = os.path.join(root, 'po', 'da.po')
    po = {(ctx, msgid): strs[0][1] for ctx, msgid, strs in read_po(po_path) if strs}
    problems = []
    texts = [(po_path, line, t) for line, t in po_strings(po_path)]
    for d, _, files in os.walk(os.path.join(root, 'src')):
        for f in sorted(files):
            if f.endswith('.c') or f.endswith('.h'):
                p = os.path.join(d, f)
                texts += [(p, line, t) for line, t in ui_strings(p)]
                if os.sep + 'tui' + os.sep in p:
                    for line, t in messages(p, po):
                        why = not_a_sentence(t)
                        if why:
                            problems.append(f'{p}:{line}: the message "{t}" {why}')
    for doc in (os.path.join(root, 'doc', 'samtale.1'), os.path.join(root, 'README.md')):
        for line, t in enumerate(open(doc, encoding='utf-8'), 1):
            # roff's font changes would hide a word's start: \\fBgjort\\fR
            texts.append((doc, line, re.sub(r'\\f(?:\(..|\[[^]]*\]|.)', '', t)))
    for p, line, t in texts:
        for rx, bad, good in rules:
            if rx.search(t):
                problems.append(f'{p}:{line}: "{bad}" in "{t.strip()}": the word is "{good}" (doc/glossary.tsv)')
    return problems


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: glossary.py ROOT')
    problems = check(sys.argv[1])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
