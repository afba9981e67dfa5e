using Workshops.Reports;

namespace Workshops.Tests.Reports;

/// <summary>An export's plain file name (for clients that do not read filename*) is readable, not a row of underscores.</summary>
public sealed class export_file_names
{
    [Theory]
    [InlineData("思明区班主任工作坊-2026年度报告", "export-2026")]
    [InlineData("附件2-350200-2025", "export-2-350200-2025")]
    [InlineData("Annex 2 福建省 2025", "Annex-2-2025")]
    [InlineData("报送材料", "export")]
    [InlineData("a\"b", "a-b")]
    public void the_plain_name_keeps_letters_digits_and_dashes(string name, string plain)
        => Assert.Equal(plain, Exports.Ascii(name));
}
