using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CilPortal.Infrastructure.Exports;

/// <summary>What a cell of an exported sheet holds.</summary>
public enum XlsxCellKind
{
    /// <summary>Nothing: the cell is not written.</summary>
    Empty = 0,

    /// <summary>Text, always written as text (never as a formula, whatever its first character).</summary>
    Text = 1,

    /// <summary>A number.</summary>
    Number = 2,

    /// <summary>A share in percent (25 = 25 %), stored as a fraction with a percent format.</summary>
    Percent = 3,

    /// <summary>A date, stored as an Excel serial day with a date format.</summary>
    Date = 4,
}

/// <summary>One cell of an exported sheet: text, number, percent or date (or empty).</summary>
public sealed record XlsxCell
{
    private XlsxCell(XlsxCellKind kind, string? text = null, decimal number = 0m, DateOnly date = default)
    {
        Kind = kind;
        TextValue = text;
        NumberValue = number;
        DateValue = date;
    }

    public XlsxCellKind Kind { get; }

    /// <summary>The text of a <see cref="XlsxCellKind.Text"/> cell.</summary>
    public string? TextValue { get; }

    /// <summary>The value of a <see cref="XlsxCellKind.Number"/> cell, or the percent of a <see cref="XlsxCellKind.Percent"/> one.</summary>
    public decimal NumberValue { get; }

    /// <summary>The date of a <see cref="XlsxCellKind.Date"/> cell.</summary>
    public DateOnly DateValue { get; }

    /// <summary>An empty cell.</summary>
    public static XlsxCell Empty { get; } = new(XlsxCellKind.Empty);

    /// <summary>A text cell; null gives an empty cell.</summary>
    public static XlsxCell Text(string? text) => text is null ? Empty : new(XlsxCellKind.Text, text);

    public static XlsxCell Number(decimal number) => new(XlsxCellKind.Number, number: number);

    /// <summary>A number, or an empty cell for null.</summary>
    public static XlsxCell Number(decimal? number) => number is { } n ? Number(n) : Empty;

    /// <summary>A share in percent points (25 for 25 %), or an empty cell for null.</summary>
    public static XlsxCell Percent(decimal? percent) => percent is { } p ? new(XlsxCellKind.Percent, number: p) : Empty;

    public static XlsxCell Date(DateOnly date) => new(XlsxCellKind.Date, date: date);

    /// <summary>A date, or an empty cell for null.</summary>
    public static XlsxCell Date(DateOnly? date) => date is { } d ? Date(d) : Empty;
}

/// <summary>One sheet to export: its name (sanitised when written), a header row and rows of cells.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<XlsxCell>> Rows);

/// <summary>
/// Writes simple workbooks (.xlsx) with the Open XML SDK: several named sheets, each a bold header row, frozen,
/// then rows of typed cells. Text is written as inline strings and no cell ever holds a formula, so text starting
/// with <c>= + - @</c> stays text (and is marked with Excel's quote prefix, so that editing it keeps it so).
/// Sheet names are made valid for Excel (see <see cref="SheetNames"/>).
/// </summary>
public static class XlsxWorkbookWriter
{
    /// <summary>Excel's longest sheet name.</summary>
    public const int MaxSheetNameLength = 31;

    /// <summary>Excel's longest cell text: longer text is cut.</summary>
    public const int MaxCellTextLength = 32_767;

    private const uint BoldStyle = 1;
    private const uint PercentStyle = 2;
    private const uint DateStyle = 3;
    private const uint QuotedTextStyle = 4;
    private const uint PercentFormatId = 164;
    private const uint ShortDateFormatId = 14;
    private static readonly DateOnly SerialDayZero = new(1899, 12, 30);

    /// <summary>
    /// Writes the workbook to the stream (left open). A stream that cannot seek (an HTTP response) is written
    /// through a buffer.
    /// </summary>
    /// <exception cref="ArgumentException">No sheet: a workbook has at least one.</exception>
    public static void Write(Stream stream, IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A workbook has at least one sheet.", nameof(sheets));
        }

        if (!stream.CanSeek)
        {
            using var buffer = new MemoryStream();
            Write(buffer, sheets);
            buffer.Position = 0;
            buffer.CopyTo(stream);
            return;
        }

        var names = SheetNames([.. sheets.Select(s => s.Name)]);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        for (var i = 0; i < sheets.Count; i++)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = Worksheet(sheets[i], first: i == 0);
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = (uint)(i + 1), Name = names[i] });
        }

        workbookPart.Workbook.Save();
    }

    /// <summary>
    /// Names valid for Excel, in order and distinct (ignoring case): the characters <c>[ ] : * ? / \</c> and control
    /// characters become « _ », spaces and apostrophes are trimmed from both ends, an empty name becomes « Feuille », the name
    /// « History » (reserved) becomes « History_ », names are cut to 31 characters, and a repeated name gets « (2) »,
    /// « (3) »… within the 31 characters.
    /// </summary>
    public static IReadOnlyList<string> SheetNames(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>(names.Count);
        foreach (var name in names)
        {
            var valid = SheetName(name);
            var candidate = valid;
            for (var n = 2; !used.Add(candidate); n++)
            {
                var suffix = string.Create(CultureInfo.InvariantCulture, $" ({n})");
                candidate = valid[..Math.Min(valid.Length, MaxSheetNameLength - suffix.Length)].TrimEnd() + suffix;
            }

            result.Add(candidate);
        }

        return result;
    }

    /// <summary>One name made valid for Excel (see <see cref="SheetNames"/>, which also makes names distinct).</summary>
    public static string SheetName(string? name)
    {
        var cleaned = new StringBuilder();
        foreach (var c in name ?? "")
        {
            cleaned.Append(c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) || char.IsSurrogate(c) ? '_' : c);
        }

        var trimmed = TrimName(cleaned.ToString());
        if (trimmed.Length > MaxSheetNameLength)
        {
            trimmed = TrimName(trimmed[..MaxSheetNameLength]);
        }

        return trimmed.Length == 0 ? "Feuille"
            : string.Equals(trimmed, "History", StringComparison.OrdinalIgnoreCase) ? trimmed + "_"
            : trimmed;
    }

    /// <summary>The name without spaces or apostrophes at either end (Excel refuses a name starting or ending with one).</summary>
    private static string TrimName(string name)
    {
        string previous;
        do
        {
            previous = name;
            name = name.Trim().Trim('\'');
        }
        while (name.Length != previous.Length);
        return name;
    }

    private static Worksheet Worksheet(XlsxSheet sheet, bool first)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var header = sheet.Header ?? [];
        var rows = sheet.Rows ?? [];
        var data = new SheetData();
        var headerRow = new Row { RowIndex = 1 };
        for (var c = 0; c < header.Count; c++)
        {
            headerRow.Append(TextCell(Reference(c, 1), header[c] ?? "", BoldStyle));
        }

        data.Append(headerRow);
        for (var r = 0; r < rows.Count; r++)
        {
            var rowIndex = (uint)(r + 2);
            var row = new Row { RowIndex = rowIndex };
            var cells = rows[r] ?? [];
            for (var c = 0; c < cells.Count; c++)
            {
                if (Cell(Reference(c, rowIndex), cells[c] ?? XlsxCell.Empty) is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        var worksheet = new Worksheet();
        var view = new SheetView { WorkbookViewId = 0, TabSelected = first };
        view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        view.Append(new Selection { Pane = PaneValues.BottomLeft });
        worksheet.Append(new SheetViews(view));
        if (Columns(header, rows) is { } columns)
        {
            worksheet.Append(columns);
        }

        worksheet.Append(data);
        return worksheet;
    }

    private static Cell? Cell(string reference, XlsxCell value) => value.Kind switch
    {
        XlsxCellKind.Text => TextCell(reference, value.TextValue ?? "", null),
        XlsxCellKind.Number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value.NumberValue) },
        XlsxCellKind.Percent => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value.NumberValue / 100m), StyleIndex = PercentStyle },
        XlsxCellKind.Date => new Cell
        {
            CellReference = reference,
            DataType = CellValues.Number,
            CellValue = new CellValue(value.DateValue.DayNumber - SerialDayZero.DayNumber),
            StyleIndex = DateStyle,
        },
        _ => null,
    };

    /// <summary>An inline string: never a formula; text that a spreadsheet would take for one gets the quote prefix.</summary>
    private static Cell TextCell(string reference, string text, uint? style)
    {
        var clean = XmlText(text);
        var looksLikeFormula = clean.Length > 0 && clean[0] is '=' or '+' or '-' or '@';
        var cell = new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(clean) { Space = SpaceProcessingModeValues.Preserve }),
        };
        if (style is { } s)
        {
            cell.StyleIndex = s;
        }
        else if (looksLikeFormula)
        {
            cell.StyleIndex = QuotedTextStyle;
        }

        return cell;
    }

    /// <summary>Text that XML can hold, cut to Excel's limit.</summary>
    private static string XmlText(string text)
    {
        var kept = new StringBuilder(Math.Min(text.Length, MaxCellTextLength));
        for (var i = 0; i < text.Length && kept.Length < MaxCellTextLength; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (kept.Length + 2 <= MaxCellTextLength)
                {
                    kept.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (IsXmlCharacter(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static bool IsXmlCharacter(char c) =>
        c is '\t' or '\n' or '\r' || (c >= ' ' && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF');

    /// <summary>Column widths from the longest text of each column (header included), between 8 and 60 characters.</summary>
    private static Columns? Columns(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<XlsxCell>> rows)
    {
        var count = Math.Max(header.Count, rows.Count == 0 ? 0 : rows.Max(r => r?.Count ?? 0));
        if (count == 0)
        {
            return null;
        }

        var columns = new Columns();
        for (var c = 0; c < count; c++)
        {
            var column = c;
            var longest = Math.Max(
                column < header.Count ? (header[column] ?? "").Length : 0,
                rows.Select(r => r is not null && column < r.Count ? Width(r[column]) : 0).DefaultIfEmpty(0).Max());
            var width = Math.Clamp(longest + 2, 8, 60);
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true });
        }

        return columns;
    }

    private static int Width(XlsxCell? cell) => cell?.Kind switch
    {
        XlsxCellKind.Text => cell.TextValue?.Length ?? 0,
        XlsxCellKind.Number => cell.NumberValue.ToString(CultureInfo.InvariantCulture).Length,
        XlsxCellKind.Percent => 7,
        XlsxCellKind.Date => 10,
        _ => 0,
    };

    /// <summary>"A1", "AB12": the column letters (0 = A) and the row number.</summary>
    private static string Reference(int column, uint row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{letters}{row}");
    }

    /// <summary>Styles: 0 plain, 1 bold (header), 2 percent (0.0 %), 3 short date, 4 text with the quote prefix.</summary>
    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = PercentFormatId, FormatCode = "0.0%" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = PercentFormatId, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = ShortDateFormatId, ApplyNumberFormat = true },
            new CellFormat { QuotePrefix = true })
        { Count = 5 });
}
