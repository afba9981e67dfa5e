using System.Text.Json.Nodes;
using Workshops.Tests.Support;

namespace Workshops.Tests.Contract;

/// <summary>
/// A `year` in the query is optional, and leaving it out means this year on some tables and every year on others:
/// each operation's description of it says which.
/// </summary>
public sealed class years_left_out(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task every_optional_year_says_what_no_year_means()
    {
        var doc = (await Host.Get("/openapi/v1.json", null)).ShouldBe(200).Json;
        var years = (from path in doc["paths"]!.AsObject()
                     from operation in path.Value!.AsObject()
                     where operation.Value is JsonObject
                     from parameter in operation.Value!["parameters"]?.AsArray() ?? []
                     where parameter!["name"]!.GetValue<string>() == "year" && parameter["in"]!.GetValue<string>() == "query"
                     select (Operation: operation.Value!["operationId"]!.GetValue<string>(), Description: parameter["description"]!.GetValue<string>()))
            .ToList();
        Assert.NotEmpty(years);
        Assert.All(years, y => Assert.True(y.Description.Contains("Without it,", StringComparison.Ordinal), $"{y.Operation}: {y.Description}"));
    }

    [Theory]
    [InlineData("studiosTable", "this year")]
    [InlineData("casesTable", "every year")]
    public async Task the_reviewers_tables_say_which_years_an_answer_covers(string operation, string leftOut)
    {
        var doc = (await Host.Get("/openapi/v1.json", null)).ShouldBe(200).Json;
        var year = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).Select(o => o.Value).OfType<JsonObject>()
            .Single(o => o["operationId"]?.GetValue<string>() == operation)["parameters"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == "year")!;
        Assert.Contains(leftOut, year["description"]!.GetValue<string>());
    }
}
