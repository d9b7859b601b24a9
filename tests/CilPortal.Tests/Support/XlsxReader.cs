using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CilPortal.Tests.Support;

/// <summary>One cell read back: its text or number, whether it holds a formula, and its format.</summary>
public sealed record ReadCell(string Reference, string? Text, decimal? Number, string? Formula, uint NumberFormatId, bool Bold, bool QuotePrefix)
{
    /// <summary>The number as a date (Excel serial day).</summary>
    public DateOnly Date => new DateOnly(1899, 12, 30).AddDays((int)Number!.Value);
}

/// <summary>One sheet read back: its name and its rows (cells in order, empty cells left out).</summary>
public sealed record ReadSheet(string Name, IReadOnlyList<IReadOnlyList<ReadCell>> Rows)
{
    public ReadCell this[string reference] => Rows.SelectMany(r => r).Single(c => c.Reference == reference);
}

/// <summary>Reads a workbook back with the Open XML SDK, for the tests of the exports.</summary>
public static class XlsxReader
{
    public static IReadOnlyList<ReadSheet> Read(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var formats = workbook.WorkbookStylesPart?.Stylesheet.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var fonts = workbook.WorkbookStylesPart?.Stylesheet.Fonts?.Elements<Font>().ToList() ?? [];
        return [.. workbook.Workbook.Sheets!.Elements<Sheet>().Select(sheet =>
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
                .Select(row => (IReadOnlyList<ReadCell>)[.. row.Elements<Cell>().Select(cell => ReadOne(cell, shared, formats, fonts))])
                .ToList();
            return new ReadSheet(sheet.Name!.Value!, rows);
        })];
    }

    private static ReadCell ReadOne(Cell cell, List<string> shared, List<CellFormat> formats, List<Font> fonts)
    {
        var format = cell.StyleIndex is { } index ? formats[(int)index.Value] : null;
        var bold = format?.FontId is { } fontId && fonts[(int)fontId.Value].Bold is not null;
        var type = cell.DataType?.Value;
        string? text = null;
        decimal? number = null;
        if (type == CellValues.InlineString)
        {
            text = cell.InlineString!.InnerText;
        }
        else if (type == CellValues.SharedString)
        {
            text = shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)];
        }
        else if (type == CellValues.String)
        {
            text = cell.CellValue?.Text;
        }
        else if (cell.CellValue is { } value)
        {
            number = decimal.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return new ReadCell(cell.CellReference!.Value!, text, number, cell.CellFormula?.Text, format?.NumberFormatId?.Value ?? 0, bold, format?.QuotePrefix?.Value ?? false);
    }
}
