using System.Text;

namespace CilPortal.Web.Infrastructure;

/// <summary>CSV as the portal exports it: UTF-8 with a BOM (Excel reads accents), « ; », CRLF, formulas defused.</summary>
public static class CsvText
{
    /// <summary>Quotes a field when needed, and defuses spreadsheet formulas (CSV injection).</summary>
    public static string Field(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var safe = field.Length > 0 && "=+-@\t\r".Contains(field[0], StringComparison.Ordinal) ? "'" + field : field;
        return safe.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    public static void AppendLine(StringBuilder csv, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(csv);
        csv.AppendJoin(';', fields.Select(Field)).Append("\r\n");
    }

    public static byte[] Bytes(StringBuilder csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
