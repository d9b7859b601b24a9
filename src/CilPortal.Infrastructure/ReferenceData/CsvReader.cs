using System.Text;

namespace CilPortal.Infrastructure.ReferenceData;

/// <summary>A CSV record with the 1-based line number it starts on, for error reports.</summary>
public sealed record CsvRecord(int LineNumber, IReadOnlyList<string> Fields);

/// <summary>Reads RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes), streaming.</summary>
public static class CsvReader
{
    public static IEnumerable<CsvRecord> Read(TextReader reader, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return new CsvRecord(recordLine, fields.ToArray());
                    fields.Clear();
                    any = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (ch == separator)
                    {
                        fields.Add(field.ToString());
                        field.Clear();
                    }
                    else
                    {
                        field.Append(ch);
                    }

                    any = true;
                    break;
            }
        }

        if (any || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields.ToArray());
        }
    }
}

/// <summary>Opens the CSV files embedded in this assembly (see ReferenceData/README.md for provenance).</summary>
public static class EmbeddedReferenceData
{
    public const string EpciCommunes = "epci_communes.csv";
    public const string Qpv2015 = "qpv_2015.csv";
    public const string IncomeCeilings = "plafonds_ressources_hlm.csv";

    public static IEnumerable<Dictionary<string, string>> ReadTable(string fileName)
    {
        var stream = typeof(EmbeddedReferenceData).Assembly.GetManifestResourceStream("CilPortal.ReferenceData." + fileName)
            ?? throw new InvalidOperationException($"Fichier de référence introuvable : {fileName}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string[]? header = null;
        foreach (var record in CsvReader.Read(reader))
        {
            if (header is null)
            {
                header = record.Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToArray();
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < record.Fields.Count; i++)
            {
                row[header[i]] = record.Fields[i];
            }

            yield return row;
        }
    }
}
