using System.Text;
using CsCheck;
using Workshops.Reports;

namespace Workshops.Tests.Reports;

/// <summary>The search terms stored with each output: every letter or digit and every adjacent pair, once, in order.</summary>
public sealed class chinese_text
{
    [Fact]
    public void terms_are_each_character_and_each_adjacent_pair_once_in_ordinal_order()
    {
        Assert.Equal("b5171x80b2 b5bb6x6821 b6821x5171 u5171 u5bb6 u6821 u80b2", ChineseText.Terms("家校共育"));
        // Punctuation breaks the pairs (no "b" + "家" in the first text; the second has it); letters are folded to lower
        // case; repeats are written once.
        Assert.Equal("b61x62 b62x5bb6 u5bb6 u61 u62", ChineseText.Terms("AB，家", "ab家"));
    }

    [Fact]
    public void terms_match_their_definition_for_any_text()
    {
        var alphabet = new[] { "家", "校", "共", "育", "班", "主", "任", "𠮷", "A", "b", "7", "，", " ", "。", "-" };
        Gen.Select(Gen.Int[0, alphabet.Length - 1].Array[0, 40], Gen.Int[0, alphabet.Length - 1].Array[0, 10])
            .Sample((first, second) =>
            {
                var texts = new[] { string.Concat(first.Select(i => alphabet[i])), string.Concat(second.Select(i => alphabet[i])) };
                Assert.Equal(Defined(texts), ChineseText.Terms(texts));
            }, iter: 300);
    }

    /// <summary>The definition, written plainly: runs of letters and digits, their characters and adjacent pairs.</summary>
    private static string Defined(string[] texts)
    {
        var terms = new List<string>();
        foreach (var text in texts)
        {
            var run = new List<Rune>();
            foreach (var rune in text.ToLowerInvariant().EnumerateRunes().Append(new Rune(' ')))
            {
                if (Rune.IsLetterOrDigit(rune)) { run.Add(rune); continue; }
                terms.AddRange(run.Select(r => $"u{r.Value:x}"));
                terms.AddRange(run.Zip(run.Skip(1), (a, b) => $"b{a.Value:x}x{b.Value:x}"));
                run.Clear();
            }
        }
        return string.Join(' ', terms.Distinct().Order(StringComparer.Ordinal));
    }
}
