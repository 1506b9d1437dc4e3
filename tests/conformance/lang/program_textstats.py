# Pins: a text-processing workload: tokenizing an embedded text, word frequencies with dict/Counter, sorting with tie-breaks, n-grams, line wrapping and aligned report formatting.
import re
from collections import Counter
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair, we had everything before us, we had nothing before us."""
words = re.findall(r"[a-z']+", TEXT.lower())
print(len(words), len(set(words)), words[:6])
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
print(top)
print(Counter(words).most_common(3) == [(w, c) for w, c in top[:3]])
bigrams = Counter(zip(words, words[1:]))
print(sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:4])
lengths = {}
for w in set(words):
    lengths.setdefault(len(w), []).append(w)
for n in sorted(lengths):
    print(f"{n:2} {len(lengths[n]):3} {' '.join(sorted(lengths[n]))[:60]}")
sentences = [s.strip() for s in TEXT.replace("\n", " ").split(",") if s.strip()]
print(len(sentences), max(sentences, key=len), min(sentences, key=len))
print(f"{'word':<12}|{'count':>6}|{'bar'}")
for w, c in top[:5]:
    print(f"{w:<12}|{c:>6}|{'#' * c}")
caps = [w for w in re.findall(r"\b[A-Z]\w*", TEXT)]
print(caps, TEXT.count("it was"), TEXT.lower().count("it was"))
acronym = "".join(w[0].upper() for w in "portable operating system interface".split())
print(acronym, "-".join(reversed(TEXT.split()[:4])), TEXT.title()[:30], TEXT.swapcase()[:15])
vowels = Counter(c for c in TEXT.lower() if c in "aeiou")
print(sorted(vowels.items()), sum(vowels.values()))
line, out = "", []
for w in TEXT.split():
    if len(line) + len(w) + 1 > 40:
        out.append(line)
        line = w
    else:
        line = f"{line} {w}".strip()
out.append(line)
print("\n".join(out))
