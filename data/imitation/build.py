#!/usr/bin/env python3
"""Build data/imitation/imitation.jsonl from the hand-written source files in data/imitation/src/*.txt.

Each source file holds records written by the Inkprint team (chat-assistant sessions) in this form:

    === imit-w1-0001
    kind: imitation | mirror | polish
    label: ai | mixed
    genre: book report
    prompt_id: own-w1-03            (or an id from prompts-from-corpora.jsonl)
    prompt: the assignment as the teacher set it
    persona: level=grade 9; l1=English; skill=average
    instruction: what the student asked the assistant ("make it sound like me, add a few mistakes")
    words_target: 350
    source_record: -                 (for mirror/polish: the human record id it mirrors or polishes)
    ---
    the text exactly as the student would hand it in
    (blank line between paragraphs)

Run: python3 data/imitation/build.py  (validates every record; exits 1 on any problem)
"""
import json, pathlib, re, sys

HERE = pathlib.Path(__file__).resolve().parent
FIELDS = ["kind", "label", "genre", "prompt_id", "prompt", "persona", "instruction", "words_target", "source_record"]
KINDS = {"imitation", "mirror", "polish"}


def parse_file(path):
    raw = path.read_text(encoding="utf-8")
    chunks = re.split(r"^=== ", raw, flags=re.M)
    out = []
    for chunk in chunks[1:]:
        head, sep, body = chunk.partition("\n---\n")
        if not sep:
            raise ValueError(f"{path.name}: record without '---' line: {chunk[:60]!r}")
        lines = head.split("\n")
        rid = lines[0].strip()
        meta = {}
        for line in lines[1:]:
            if not line.strip():
                continue
            k, _, v = line.partition(":")
            meta[k.strip()] = v.strip()
        missing = [f for f in FIELDS if f not in meta]
        if missing:
            raise ValueError(f"{path.name}:{rid}: missing {missing}")
        text = body.strip("\n").rstrip()
        out.append((rid, meta, text, path.name))
    return out


def persona(s):
    d = {}
    for part in s.split(";"):
        if "=" in part:
            k, _, v = part.partition("=")
            d[k.strip()] = v.strip()
    return d


def build(src_dir, out_path):
    records, seen, problems = [], set(), []
    for path in sorted(src_dir.glob("*.txt")):
        m = re.match(r"(w\d+)", path.stem)
        writer = m.group(1) if m else path.stem
        try:
            parsed = parse_file(path)
        except ValueError as e:
            problems.append(str(e))
            continue
        for rid, meta, text, fname in parsed:
            words = len(text.split())
            if rid in seen:
                problems.append(f"{fname}:{rid}: duplicate id")
            seen.add(rid)
            if meta["kind"] not in KINDS:
                problems.append(f"{fname}:{rid}: kind {meta['kind']!r}")
            if meta["label"] not in ("ai", "mixed"):
                problems.append(f"{fname}:{rid}: label {meta['label']!r}")
            if words < 40:
                problems.append(f"{fname}:{rid}: only {words} words")
            if meta["kind"] in ("mirror", "polish") and meta["source_record"] in ("", "-"):
                problems.append(f"{fname}:{rid}: {meta['kind']} needs source_record")
            try:
                target = int(re.sub(r"[^0-9]", "", meta["words_target"]) or 0)
            except ValueError:
                target = 0
            records.append({
                "id": rid,
                "text": text,
                "label": meta["label"],
                "generator": "claude-chat-assistant",
                "domain": meta["genre"],
                "source": f"inkprint-imitation/{fname}",
                "meta": {
                    "kind": meta["kind"],
                    "prompt_id": meta["prompt_id"],
                    "prompt": meta["prompt"],
                    "persona": persona(meta["persona"]),
                    "instruction": meta["instruction"],
                    "words_target": target,
                    "words": words,
                    "source_record": None if meta["source_record"] in ("", "-") else meta["source_record"],
                    "writer_model_family": "anthropic-claude",
                    "writer": f"inkprint team, chat-assistant session {writer}",
                    "date": "2026-12-05",
                    "pair_id": "imit-prompt:" + meta["prompt_id"],
                },
            })
    if problems:
        print("\n".join(problems[:50]), file=sys.stderr)
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        sys.exit(1)
    with open(out_path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    kinds = {}
    for r in records:
        kinds[r["meta"]["kind"]] = kinds.get(r["meta"]["kind"], 0) + 1
    prompts = len({r["meta"]["prompt_id"] for r in records})
    genres = len({r["domain"] for r in records})
    print(f"{out_path.relative_to(HERE)}: {len(records)} records, {prompts} prompts, {genres} genres, kinds {kinds}")


def main():
    # src/: the training corpus. audit/: texts written after the shipped model was trained, never trained on
    # or used for any choice; scored once per release (npm run eval reports them separately).
    build(HERE / "src", HERE / "imitation.jsonl")
    if any((HERE / "audit").glob("*.txt")):
        build(HERE / "audit", HERE / "audit" / "audit.jsonl")


if __name__ == "__main__":
    main()
