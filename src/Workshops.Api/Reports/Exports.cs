using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Workshops.Core;

namespace Workshops.Reports;

public enum ExportFormat { Json, Csv, Xlsx }

/// <summary>Export settings (section Exports).</summary>
public sealed class ExportOptions
{
    private int _maxRows = 5000;

    /// <summary>Rows in one CSV or XLSX file; a longer table comes in pages (?page=2 …), 1–100,000.</summary>
    public int MaxRows { get => _maxRows; set => _maxRows = Math.Clamp(value, 1, 100_000); }
}

/// <summary>A table as reviewers open it: a sheet name, Chinese headers and rows produced as they are read.</summary>
/// <param name="Widths">Column widths in characters by header, for columns of long text; an XLSX with any wraps its cells.</param>
public sealed record Table(string Sheet, IReadOnlyList<string> Headers, IAsyncEnumerable<object?[]> Rows,
    IReadOnlyDictionary<string, double>? Widths = null);

/// <summary>
/// CSV (UTF-8 with BOM, so Excel shows Chinese) and XLSX (one sheet per table). Rows are written as they are read:
/// CSV straight to the response, XLSX through a temporary file, never the whole export in memory; a reviewers' table
/// is exported in pages of at most Exports:MaxRows rows (<see cref="Page"/>).
/// </summary>
public static class Exports
{
    public const string CsvType = Core.Contract.MediaTypes.Csv;
    public const string XlsxType = Core.Contract.MediaTypes.Xlsx;

    /// <summary>?format= wins; else the Accept header; else JSON. An unknown format is a 400.</summary>
    public static (ExportFormat Format, Microsoft.AspNetCore.Mvc.ProblemDetails? Problem) Choose(HttpContext http, string? format)
    {
        switch (format?.ToLowerInvariant())
        {
            case null or "": break;
            case "json": return (ExportFormat.Json, null);
            case "csv": return (ExportFormat.Csv, null);
            case "xlsx": return (ExportFormat.Xlsx, null);
            default: return (ExportFormat.Json, Problems.Invalid("format", "allowed: json, csv, xlsx"));
        }
        var accept = http.Request.Headers.Accept.ToString();
        if (accept.Contains(XlsxType, StringComparison.OrdinalIgnoreCase)) return (ExportFormat.Xlsx, null);
        if (accept.Contains(CsvType, StringComparison.OrdinalIgnoreCase)) return (ExportFormat.Csv, null);
        return (ExportFormat.Json, null);
    }

    /// <summary>
    /// For an endpoint that answers JSON only: ?format=csv or xlsx is refused (400) rather than answered silently in JSON.
    /// </summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails? JsonOnly(string? format) =>
        format is null or "" || format.Equals("json", StringComparison.OrdinalIgnoreCase)
            ? null
            : Problems.Invalid("format", "allowed: json (this answer has no CSV or XLSX form)");

    /// <summary>
    /// An export is one page of at most <see cref="ExportOptions.MaxRows"/> rows: the answer says how many rows the
    /// table has (X-Total-Count) and, when more follow, links the next page (Link: &lt;…page=n+1&gt;; rel="next").
    /// </summary>
    public static (int Offset, int Take) Page(HttpContext http, long total, int page, int maxRows)
    {
        http.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        if ((long)page * maxRows < total)
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value);
            query["page"] = (page + 1).ToString(CultureInfo.InvariantCulture);
            var next = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))));
            http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}{next.ToQueryString()}>; rel=\"next\"";
        }
        return ((page - 1) * maxRows, maxRows);
    }

    public static async Task Write(HttpContext http, ExportFormat format, string fileName, IReadOnlyList<Table> tables)
    {
        http.Response.Headers.ContentDisposition =
            $"attachment; filename=\"{Ascii(fileName)}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}";
        if (format == ExportFormat.Csv) await Csv(http, tables);
        else await Xlsx(http, tables);
    }

    /// <summary>
    /// The plain file name for clients that do not read <c>filename*</c>: the name's ASCII letters, digits and dashes, every
    /// other run of characters one dash ("…年度报告-2026…" → "export-2026"), never a row of underscores.
    /// </summary>
    public static string Ascii(string name)
    {
        var kept = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_') kept.Append(c);
            else if (kept.Length > 0 && kept[^1] != '-') kept.Append('-');
        }
        var plain = kept.ToString().Trim('-', '.');
        return plain.Any(char.IsAsciiLetter) ? plain : plain.Length == 0 ? "export" : "export-" + plain;
    }

    private static async Task Csv(HttpContext http, IReadOnlyList<Table> tables)
    {
        http.Response.ContentType = $"{CsvType}; charset=utf-8";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024);
        var first = true;
        foreach (var table in tables)
        {
            if (!first) await writer.WriteAsync("\r\n");
            first = false;
            if (tables.Count > 1) await writer.WriteAsync(Line([table.Sheet]));
            await writer.WriteAsync(Line(table.Headers));
            var n = 0;
            await foreach (var row in table.Rows.WithCancellation(http.RequestAborted))
            {
                await writer.WriteAsync(Line(row));
                if (++n % 200 == 0) await writer.FlushAsync(http.RequestAborted);
            }
        }
        await writer.FlushAsync(http.RequestAborted);
    }

    public static string Line(IEnumerable<object?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            bool b => b ? "是" : "否",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        // Quote what needs it; a leading formula character is neutralised so a cell is never run as a formula.
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' && value is string) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    private static async Task Xlsx(HttpContext http, IReadOnlyList<Table> tables)
    {
        http.Response.ContentType = XlsxType;
        var path = Path.Combine(Path.GetTempPath(), $"workshops-{Guid.NewGuid():N}.xlsx");
        try
        {
            var sheets = tables.ToDictionary(t => t.Sheet, t => (object)Rows(t, http.RequestAborted));
            // Long text is read in wide columns whose cells wrap.
            var widths = tables.Where(t => t.Widths is not null).SelectMany(t => t.Widths!).DistinctBy(w => w.Key).ToList();
            var configuration = widths.Count == 0 ? null : new MiniExcelLibs.OpenXml.OpenXmlConfiguration
            {
                StyleOptions = new MiniExcelLibs.OpenXml.OpenXmlStyleOptions { WrapCellContents = true },
                DynamicColumns = [.. widths.Select(w => new MiniExcelLibs.Attributes.DynamicExcelColumn(w.Key) { Width = w.Value })],
            };
            // MiniExcel reads rows through a synchronous enumerator; run it off the request thread.
            await Task.Run(() => MiniExcel.SaveAs(path, sheets, configuration: configuration, overwriteFile: true), http.RequestAborted);
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
            http.Response.ContentLength = file.Length;
            await file.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<IDictionary<string, object?>> Rows(Table table, CancellationToken ct)
    {
        var rows = table.Rows.GetAsyncEnumerator(ct);
        try
        {
            while (rows.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                var row = new Dictionary<string, object?>(table.Headers.Count);
                for (var i = 0; i < table.Headers.Count; i++)
                {
                    var value = i < rows.Current.Length ? rows.Current[i] : null;
                    row[table.Headers[i]] = value switch
                    {
                        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        bool b => b ? "是" : "否",
                        _ => value,
                    };
                }
                yield return row;
            }
        }
        finally
        {
            rows.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    public static async IAsyncEnumerable<object?[]> Of<T>(IEnumerable<T> items, Func<T, object?[]> row)
    {
        foreach (var item in items) yield return row(item);
        await Task.CompletedTask;
    }
}
