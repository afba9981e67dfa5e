using System.Globalization;
using System.Text;

namespace Workshops.Reports;

/// <summary>
/// A match in a field: its offset and length in the field's text (UTF-16 code units, as JavaScript indexes strings), and a
/// snippet around it (plain text, "…" where cut) with the match's offset in the snippet. No markers are put into text.
/// </summary>
public sealed record Highlight(string Field, int Start, int Length, string Snippet, int SnippetStart);

/// <summary>
/// Search for Chinese text without spaces between words: every letter or digit becomes a unigram term and every
/// adjacent pair a bigram term, written as ASCII hex so any PostgreSQL text-search parser and locale keeps them
/// whole. A query of two or more characters must match all its bigrams (the index narrows), then the exact
/// substring is checked (the answer is exact).
/// </summary>
public static class ChineseText
{
    private static string Hex(Rune r) => Hex(r.Value);

    private static string Hex(int codePoint) => codePoint.ToString("x", CultureInfo.InvariantCulture);

    private static IEnumerable<List<Rune>> Runs(string text)
    {
        var run = new List<Rune>();
        foreach (var rune in text.ToLowerInvariant().EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune)) run.Add(rune);
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }
        if (run.Count > 0) yield return run;
    }

    public static string Terms(params string?[] texts)
    {
        // Pairs of code points are gathered as numbers and only the distinct ones written out: a long body repeats
        // most of its characters and pairs.
        var unigrams = new HashSet<int>();
        var bigrams = new HashSet<long>();
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text)) continue;
            // The runs of letters and digits (Runs), read in one pass: each letter or digit, and each one with the one
            // before it in its run.
            var before = -1;
            foreach (var rune in text.ToLowerInvariant().EnumerateRunes())
            {
                if (!Rune.IsLetterOrDigit(rune))
                {
                    before = -1;
                    continue;
                }
                unigrams.Add(rune.Value);
                if (before >= 0) bigrams.Add((long)before << 32 | (uint)rune.Value);
                before = rune.Value;
            }
        }
        // Written in ordinal order of the terms' text, sorted by keys that order as the text does (OrdinalKey) rather
        // than as strings: every "b…" term comes before every "u…" one. A case's terms are thousands, and sorting them as
        // strings was a fifth of a rebuild's writing of the outputs.
        var pairs = new (UInt128 Key, long Pair)[bigrams.Count];
        var n = 0;
        foreach (var b in bigrams) pairs[n++] = (OrdinalKey((int)(b >> 32), (int)(b & 0xFFFFFFFF)), b);
        var singles = new (UInt128 Key, int CodePoint)[unigrams.Count];
        n = 0;
        foreach (var u in unigrams) singles[n++] = (OrdinalKey(u, -1), u);
        Array.Sort(pairs, static (x, y) => x.Key.CompareTo(y.Key));
        Array.Sort(singles, static (x, y) => x.Key.CompareTo(y.Key));
        var written = new StringBuilder(pairs.Length * 12 + singles.Length * 6);
        foreach (var (_, pair) in pairs)
        {
            if (written.Length > 0) written.Append(' ');
            written.Append('b').Append(Hex((int)(pair >> 32))).Append('x').Append(Hex((int)(pair & 0xFFFFFFFF)));
        }
        foreach (var (_, codePoint) in singles)
        {
            if (written.Length > 0) written.Append(' ');
            written.Append('u').Append(Hex(codePoint));
        }
        return written.ToString();
    }

    /// <summary>
    /// A key that orders as the term's text does under ordinal comparison, after its first letter: each hex digit of
    /// <paramref name="first"/> (then "x" and each of <paramref name="second"/>, for a pair) as a 5-bit symbol, the
    /// digits 1–16 in their characters' order and "x" 17 above them, left-aligned, so a text that ends sooner (symbol 0)
    /// sorts first. Code points have at most six hex digits: thirteen symbols, 65 bits.
    /// </summary>
    private static UInt128 OrdinalKey(int first, int second)
    {
        UInt128 key = 0;
        var symbols = 0;
        void Digits(int value)
        {
            var digits = Math.Max(1, (32 - System.Numerics.BitOperations.LeadingZeroCount((uint)value) + 3) / 4);
            for (var d = digits - 1; d >= 0; d--, symbols++) key = key << 5 | (UInt128)(uint)(((value >> (4 * d)) & 0xF) + 1);
        }
        Digits(first);
        if (second >= 0)
        {
            key = key << 5 | 17;
            symbols++;
            Digits(second);
        }
        return key << (5 * (14 - symbols));
    }

    /// <summary>
    /// True when the terms alone decide a match exactly: the search string is one or two letters or digits and
    /// nothing else, so its single unigram or bigram term is present exactly where the string is.
    /// </summary>
    public static bool TermsAreExact(string q)
    {
        var runs = Runs(q).ToList();
        return runs.Count == 1 && runs[0].Count <= 2 && runs[0].Sum(r => r.Utf16SequenceLength) == q.Length;
    }

    /// <summary>The text-search query for a search string, or null when it has no letters or digits.</summary>
    public static string? Query(string q)
    {
        var parts = new List<string>();
        foreach (var run in Runs(q))
        {
            if (run.Count == 1) parts.Add("u" + Hex(run[0]));
            for (var i = 0; i + 1 < run.Count; i++) parts.Add("b" + Hex(run[i]) + "x" + Hex(run[i + 1]));
        }
        return parts.Count == 0 ? null : string.Join(" & ", parts.Distinct());
    }

    /// <summary>Each occurrence's offsets, with a snippet around it.</summary>
    public static IReadOnlyList<Highlight> Highlights(string field, string? text, string q, int context = 24, int max = 3)
    {
        var found = new List<Highlight>();
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(q)) return found;
        var at = 0;
        while (found.Count < max && (at = text.IndexOf(q, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var start = Math.Max(0, at - context);
            var end = Math.Min(text.Length, at + q.Length + context);
            if (start > 0 && char.IsLowSurrogate(text[start])) start--;
            if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
            var lead = start > 0 ? "…" : "";
            found.Add(new Highlight(field, at, q.Length, lead + text[start..end] + (end < text.Length ? "…" : ""), lead.Length + at - start));
            at += q.Length;
        }
        return found;
    }
}
