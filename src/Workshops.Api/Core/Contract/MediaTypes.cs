namespace Workshops.Core.Contract;

/// <summary>The media types the API answers in besides JSON.</summary>
public static class MediaTypes
{
    public const string Problem = "application/problem+json";
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
