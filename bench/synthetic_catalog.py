"""A synthetic content folder in the real formats, for bench/catalog_scale.py: modules of
about 1,500 words (front matter, headings, lists, a table, a call-out, module and practice
links) and questions in every bank, with stems made of random words so no two are alike.
Today's exams, frameworks and paths are copied, and the first modules take the real slugs, so
everything still resolves and `content check` finds no problem."""
import json
import random
import re
import shutil
import textwrap
from pathlib import Path

from common import ROOT

from learnpm.catalog import load

CATEGORIES = ["foundations", "skill", "core-duty", "methodology", "certification"]
LEVELS = ["beginner", "intermediate", "advanced"]
YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}  # YAML 1.1 scalars
TYPES = [("single", 85), ("multiple", 10), ("true_false", 3), ("matching", 2)]
PER_FILE = 30  # questions per file, as in the real banks


class Writer:
    """Random but realistic text from the real modules' vocabulary."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)
        text = " ".join(p.read_text() for p in (ROOT / "content" / "modules").rglob("*.md"))
        words = {w for w in re.findall(r"[a-z]{3,}", text.lower())} - YAML_WORDS
        self.words = sorted(words)

    def phrase(self, low: int, high: int) -> str:
        return " ".join(self.random.choices(self.words, k=self.random.randint(low, high)))

    def sentence(self, low: int = 8, high: int = 20) -> str:
        return self.phrase(low, high).capitalize() + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.random.randint(3, 6)))

    def title(self) -> str:
        return self.phrase(2, 5).capitalize()


def module_text(writer: Writer, slug: str, category: str, others: list[str],
                banks: dict[str, list[str]], words: int = 1500) -> str:
    r = writer.random
    meta = {"title": writer.title(), "slug": slug, "summary": writer.sentence(15, 30),
            "category": category, "tags": sorted(set(writer.phrase(3, 5).split())),
            "level": r.choice(LEVELS), "prerequisites": r.sample(others, min(2, len(others))),
            "related": r.sample(others, min(3, len(others)))}
    front = "\n".join(f"{key}: {json.dumps(value)}" for key, value in meta.items())
    if r.random() < 0.5:
        front += f"\ncontact_hours: 0.5\ncertifications: [{r.choice(list(banks))}]"
    bank = r.choice(list(banks))
    parts = ["## What you will learn", "\n".join(f"- {writer.sentence(6, 12)}" for _ in range(4))]
    while sum(len(p.split()) for p in parts) < words - 150:
        parts += [f"## {writer.title()}", writer.paragraph(), writer.paragraph()]
        roll = r.random()
        if roll < 0.2:
            parts.append("| Term | Meaning |\n|---|---|\n" + "\n".join(
                f"| {writer.phrase(1, 2)} | {writer.phrase(5, 10)} |" for _ in range(4)))
        elif roll < 0.4:
            parts.append(f'!!! tip "{writer.title()}"\n    {writer.sentence()}')
        elif roll < 0.6:
            parts.append(f"See [{writer.phrase(2, 3)}](module:{r.choice(others)}) and practise "
                         f"with [these questions](practice:{bank}/{r.choice(banks[bank])}).")
    parts += ["## Summary", writer.paragraph(), "## Check yourself",
              "<details><summary>Answers</summary>\n\n" + writer.paragraph() + "\n\n</details>"]
    return f"---\n{front}\n---\n\n" + "\n\n".join(parts) + "\n"


def question_yaml(writer: Writer, qid: str, exam: dict, slugs: list[str]) -> str:
    r = writer.random
    domain = r.choices(exam["domains"], weights=[d["weight"] for d in exam["domains"]])[0]
    kind = r.choices([t for t, _ in TYPES], weights=[w for _, w in TYPES])[0]
    lines = [f"  - id: {qid}", f"    type: {kind}", f"    domain: {domain['id']}"]
    if domain.get("tasks"):
        lines.append(f"    task: {r.choice(domain['tasks'])['id']}")
    lines += [f"    approach: {r.choice(['predictive', 'agile', 'hybrid'])}",
              "    style: situational",
              f"    difficulty: {r.choices(['easy', 'medium', 'hard'], [3, 5, 2])[0]}",
              f"    modules: [{', '.join(r.sample(slugs, r.randint(1, 2)))}]",
              "    stem: |", _block(writer.sentence(18, 30) + " " + writer.sentence(4, 8))]
    if kind == "matching":
        lines.append("    pairs:")
        for _ in range(4):
            lines += [f"      - left: {writer.phrase(2, 4)}",
                      f"        right: {writer.phrase(4, 8)}"]
    else:
        texts = (["True", "False"] if kind == "true_false"
                 else [writer.sentence(6, 12) for _ in range(5 if kind == "multiple" else 4)])
        correct = set(r.sample(range(len(texts)), 2 if kind == "multiple" else 1))
        lines.append("    options:")
        for n, text in enumerate(texts):
            lines.append(f'      - text: "{text}"')
            if n in correct:
                lines.append("        correct: true")
            lines.append(f"        why: {writer.sentence(9, 17)}")
    lines += ["    explanation: |", _block(writer.sentence(18, 34))]
    return "\n".join(lines)


def _block(text: str) -> str:
    return textwrap.fill(text, 100, initial_indent=" " * 6, subsequent_indent=" " * 6)


def generate(target: Path, modules: int, questions: int, seed: int = 1) -> None:
    """Write a valid synthetic content folder of `modules` modules and `questions` questions."""
    real = load(ROOT / "content")
    writer = Writer(seed)
    for folder in ("exams", "frameworks", "paths"):
        shutil.copytree(ROOT / "content" / folder, target / folder)
    named = [(m.slug, m.category) for m in real.modules.values()]
    slugs = [slug for slug, _ in named[:modules]]
    slugs += [f"{writer.phrase(2, 2).replace(' ', '-')}-{n:04d}"
              for n in range(len(slugs), modules)]
    categories = dict(named)
    banks = {e.id: [d.id for d in e.domains] for e in real.exams.values()}
    for n, slug in enumerate(slugs):
        category = categories.get(slug, CATEGORIES[n % len(CATEGORIES)])
        path = target / "modules" / category / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        others = [s for s in writer.random.sample(slugs, min(6, len(slugs))) if s != slug]
        path.write_text(module_text(writer, slug, category, others, banks))
    exams = {e.id: {"domains": [{"id": d.id, "weight": d.weight,
                                 "tasks": [{"id": t.id} for t in d.tasks]} for d in e.domains]}
             for e in real.exams.values()}
    counts = real.bank_counts()
    total = sum(counts.values())
    shares = {bank: round(questions * n / total) for bank, n in counts.items()}
    shares[max(shares, key=shares.__getitem__)] += questions - sum(shares.values())
    for bank, size in shares.items():
        folder = target / "questions" / bank
        folder.mkdir(parents=True, exist_ok=True)
        for start in range(0, size, PER_FILE):
            items = [question_yaml(writer, f"{bank}-syn-{n:05d}", exams[bank], slugs)
                     for n in range(start, min(size, start + PER_FILE))]
            (folder / f"synthetic-{start // PER_FILE:03d}.yaml").write_text(
                "# Synthetic questions for bench/catalog_scale.py\nquestions:\n"
                + "\n\n".join(items) + "\n")
