using System.Globalization;
using CilPortal.Infrastructure.ReferenceData;

namespace CilPortal.Infrastructure.Importers;

/// <summary>One refused (or, for a warning, accepted but noted) line of a CSV import.</summary>
/// <param name="Key">What the line is about (a NUR, a dwelling identifier…), shown with the line number.</param>
public sealed record ImportLineError(int Line, string? Key, string Column, string Message)
{
    /// <summary>What <see cref="Line"/> counts, shown before it: « Ligne » for a CSV file, « Entité » for a GeoJSON feature, « Fichier » (with line 0) for the whole file.</summary>
    public string Unit { get; init; } = "Ligne";

    public override string ToString() => $"{Unit}{(Line > 0 ? $" {Line}" : "")}{(Key is null ? "" : $" ({Key})")}, {Column} : {Message}";
}

/// <summary>
/// The frame shared by the portal's CSV imports: UTF-8 (with or without BOM), separator «;», a first line that
/// must be the expected header, blank lines ignored, then every record handed to the importer's parser, which
/// reports its own errors with the record's line number.
/// </summary>
public static class CsvImportFile
{
    /// <summary>The dates the imports accept, in French for the messages.</summary>
    public const string DateFormatsText = "AAAA-MM-JJ ou JJ/MM/AAAA";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy"];

    /// <summary>Reads the file; returns the header error when the first line is not <paramref name="header"/>, else null.</summary>
    public static ImportLineError? Read<T>(Stream file, string header, Func<CsvRecord, T?> parse, ICollection<T> lines)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(lines);
        using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var first = true;
        foreach (var record in CsvReader.Read(reader, ';'))
        {
            if (first)
            {
                first = false;
                if (!string.Equals(string.Join(';', record.Fields).Trim(), header, StringComparison.OrdinalIgnoreCase))
                {
                    return new ImportLineError(record.LineNumber, null, "en-tête", $"la première ligne doit être « {header} ».");
                }

                continue;
            }

            if (!record.Fields.All(string.IsNullOrWhiteSpace) && parse(record) is { } line)
            {
                lines.Add(line);
            }
        }

        return null;
    }

    /// <summary>A date written AAAA-MM-JJ or JJ/MM/AAAA.</summary>
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
