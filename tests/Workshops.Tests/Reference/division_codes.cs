using Workshops.Core;
using Workshops.Reference;
using Workshops.Studios;
using Workshops.Tests.Support;

namespace Workshops.Tests.Reference;

/// <summary>The division list as loaded from the embedded data file, and the region rules that read it.</summary>
public sealed class division_codes
{
    /// <summary>The committed data file, read here independently of the loader.</summary>
    private static readonly string[][] Rows = File.ReadAllLines(Path.Combine(OpenApiContract.Root(), "src", "Workshops.Api", "Reference", "divisions.tsv"))
        .Skip(1).Select(line => line.Split('\t')).ToArray();

    [Fact]
    public void a_xiamen_district_reads_province_city_and_district()
    {
        Assert.Equal("福建省 厦门市 湖里区", Divisions.Label("350206"));
        Assert.Equal("福建省 厦门市 思明区", Divisions.Label("350203"));
        Assert.Equal(["350000", "350200", "350206"], Divisions.Chain("350206").Select(d => d.Code));
        Assert.Equal("湖里区", Divisions.Name("350206"));
        Assert.Equal(DivisionLevel.District, Divisions.Level("350206"));
        Assert.Equal(DivisionLevel.City, Divisions.Level("350200"));
        Assert.Equal(DivisionLevel.Province, Divisions.Level("350000"));
        Assert.Equal("福建省 厦门市", Divisions.Label("350200"));
    }

    [Fact]
    public void a_municipality_district_is_labelled_without_the_grouping_level()
    {
        Assert.Equal("北京市 朝阳区", Divisions.Label("110105"));
        Assert.Equal(["110000", "110100", "110105"], Divisions.Chain("110105").Select(d => d.Code));
        Assert.Equal("市辖区", Divisions.Name("110100"));
        Assert.Equal("重庆市 巫山县", Divisions.Label("500237"));
        Assert.Equal("上海市 浦东新区", Divisions.Label("310115"));
    }

    [Fact]
    public void a_county_level_city_under_its_province_is_labelled_under_the_province()
    {
        Assert.Equal("河南省 济源市", Divisions.Label("419001"));
        Assert.Equal("419000", Divisions.Find("419001")!.Parent);
        Assert.Equal("广东省 东莞市", Divisions.Label("441900"));
        Assert.Equal(DivisionLevel.City, Divisions.Level("441900"));
        Assert.Empty(Divisions.Children("441900"));
        Assert.Equal("甘肃省 嘉峪关市", Divisions.Label("620201"));
        Assert.Equal("河南省 济源市", Divisions.Label(new Region("410000", "419000", "419001")));
        Assert.Equal("广东省 东莞市", Divisions.Label(new Region("440000", "441900")));
    }

    [Theory]
    [InlineData("350299")] // no such district in Xiamen
    [InlineData("350402")] // 梅列区, merged into 三元区 (350404) in 2021
    [InlineData("000000")] // the national scope is not a division
    [InlineData("abcdef")]
    [InlineData("")]
    [InlineData(null)]
    public void an_unknown_code_has_no_name_label_level_or_chain(string? code)
    {
        Assert.False(Divisions.Exists(code));
        Assert.Null(Divisions.Find(code));
        Assert.Null(Divisions.Name(code));
        Assert.Null(Divisions.Label(code));
        Assert.Null(Divisions.Level(code));
        Assert.Empty(Divisions.Chain(code));
    }

    [Fact]
    public void every_row_of_the_file_is_loaded_with_its_level()
    {
        var provinces = Rows.Count(r => r[2] == "");
        var cities = Rows.Count(r => r[2] != "" && r[2].EndsWith("0000", StringComparison.Ordinal));
        Assert.Equal(Rows.Length, Divisions.Count);
        Assert.Equal(provinces, Divisions.Provinces.Count);
        Assert.Equal(cities, Rows.Count(r => Divisions.Level(r[0]) == DivisionLevel.City));
        Assert.Equal(Rows.Length - provinces - cities, Rows.Count(r => Divisions.Level(r[0]) == DivisionLevel.District));
        // Every mainland province, autonomous region and municipality of GB/T 2260 (the source lists no 71, 81, 82).
        Assert.Equal(31, provinces);
        Assert.Contains(Divisions.Provinces, p => p is { Code: "110000", Name: "北京市" });
        Assert.Contains(Divisions.Provinces, p => p is { Code: "650000", Name: "新疆维吾尔自治区" });
        Assert.All(Rows, r => Assert.Equal(r[1], Divisions.Name(r[0])));
    }

    [Fact]
    public void children_are_the_rows_that_name_the_code_as_parent()
    {
        Assert.Equal(Rows.Where(r => r[2] == "350200").Select(r => r[0]), Divisions.Children("350200").Select(d => d.Code));
        Assert.Equal(["思明区", "海沧区", "湖里区", "集美区", "同安区", "翔安区"], Divisions.Children("350200").Select(d => d.Name));
        Assert.Empty(Divisions.Children("350206"));
        Assert.Empty(Divisions.Children("999999"));
    }

    [Theory]
    [InlineData("350000", "350200", "350206", null)]
    [InlineData("110000", "110100", "110105", null)]
    [InlineData("410000", "419000", "419001", null)]
    [InlineData("440000", "441900", null, null)]
    [InlineData("350000", "350200", null, null)]
    [InlineData("350000", "350200", "350299", "region.district")] // well formed, not in the list
    [InlineData("350000", "350200", "350402", "region.district")] // abolished 梅列区
    [InlineData("350000", "350200", "350102", "region.district")] // Fuzhou's 鼓楼区, not inside Xiamen
    [InlineData("350000", "350900", "350921", null)]
    [InlineData("350000", "359900", null, "region.city")]
    [InlineData("990000", "990100", null, "region.province")]
    public void a_region_is_checked_against_the_division_list(string province, string city, string? district, string? field)
    {
        var problems = Region.Problems(new Region(province, city, district)).Select(p => p.Field).ToList();
        if (field is null) Assert.Empty(problems);
        else Assert.Contains(field, problems);
    }
}
