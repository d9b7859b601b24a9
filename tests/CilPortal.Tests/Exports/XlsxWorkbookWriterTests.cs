using CilPortal.Infrastructure.Exports;
using CilPortal.Tests.Support;
using CsCheck;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace CilPortal.Tests.Exports;

public class XlsxWorkbookWriterTests
{
    private static readonly XlsxSheet Leases = new(
        "Baux 2026",
        ["Bailleur", "Baux signés", "Part Q1 hors QPV", "Signé le"],
        [
            [XlsxCell.Text("<Bailleur & Co>"), XlsxCell.Number(12m), XlsxCell.Percent(25.5m), XlsxCell.Date(new DateOnly(2026, 3, 14))],
            [XlsxCell.Text("Habitat de l'Ain"), XlsxCell.Number(3.25m), XlsxCell.Percent(null), XlsxCell.Date((DateOnly?)null)],
        ]);

    private static MemoryStream Written(params XlsxSheet[] sheets)
    {
        var stream = new MemoryStream();
        XlsxWorkbookWriter.Write(stream, sheets);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void Values_are_read_back_with_their_types_and_a_bold_header()
    {
        using var stream = Written(Leases, new XlsxSheet("Secteurs", ["Secteur"], [[XlsxCell.Text("Ville-centre")]]));

        var sheets = XlsxReader.Read(stream);

        Assert.Equal(["Baux 2026", "Secteurs"], sheets.Select(s => s.Name));
        var sheet = sheets[0];
        Assert.Equal(3, sheet.Rows.Count);
        Assert.Equal(["Bailleur", "Baux signés", "Part Q1 hors QPV", "Signé le"], sheet.Rows[0].Select(c => c.Text));
        Assert.All(sheet.Rows[0], c => Assert.True(c.Bold));
        Assert.Equal(("<Bailleur & Co>", false), (sheet["A2"].Text, sheet["A2"].Bold));
        Assert.Equal((12m, (string?)null), (sheet["B2"].Number, sheet["B2"].Text));
        Assert.Equal(3.25m, sheet["B3"].Number);
        Assert.Equal(0.255m, sheet["C2"].Number);
        Assert.Equal(164u, sheet["C2"].NumberFormatId);
        Assert.Equal(new DateOnly(2026, 3, 14), sheet["D2"].Date);
        Assert.Equal(46095m, sheet["D2"].Number);
        Assert.Equal(14u, sheet["D2"].NumberFormatId);
        Assert.Equal(["A3", "B3"], sheet.Rows[2].Select(c => c.Reference));
        Assert.Equal("Ville-centre", sheets[1]["A2"].Text);
    }

    [Fact]
    public void The_workbook_is_valid_open_xml()
    {
        using var stream = Written(Leases, new XlsxSheet("Vide", [], []));

        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }

    [Fact]
    public void Text_that_looks_like_a_formula_is_stored_as_text_never_as_a_formula()
    {
        string[] dangerous = ["=HYPERLINK(\"http://exemple.test\",\"Cliquez\")", "+33 6 12 34 56 78", "-2+3", "@SUM(A1:A2)", "=1+1"];

        using var stream = Written(new XlsxSheet("Demandes", ["Valeur"], [.. dangerous.Select(d => (IReadOnlyList<XlsxCell>)[XlsxCell.Text(d)])]));
        var sheet = XlsxReader.Read(stream).Single();

        var cells = sheet.Rows.Skip(1).Select(r => r.Single()).ToList();
        Assert.Equal(dangerous, cells.Select(c => c.Text));
        Assert.All(cells, c => Assert.Null(c.Formula));
        Assert.All(cells, c => Assert.Null(c.Number));
        Assert.All(cells, c => Assert.True(c.QuotePrefix));
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        Assert.DoesNotContain("<x:f", document.WorkbookPart!.WorksheetParts.Single().Worksheet.OuterXml, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", document.WorkbookPart!.WorksheetParts.Single().Worksheet.OuterXml, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_that_xml_cannot_hold_are_dropped()
    {
        using var stream = Written(new XlsxSheet("Texte", ["A\u0001B"], [[XlsxCell.Text("x\u0000y\uFFFFz\uD800")]]));

        var sheet = XlsxReader.Read(stream).Single();

        Assert.Equal(("AB", "xyz"), (sheet["A1"].Text, sheet["A2"].Text));
    }

    [Theory]
    [InlineData("Attributions [2026]: bilan/détail*?", "Attributions _2026__ bilan_déta")]
    [InlineData("Un nom beaucoup trop long pour une feuille Excel", "Un nom beaucoup trop long pour")]
    [InlineData("'Entre apostrophes'", "Entre apostrophes")]
    [InlineData("  ", "Feuille")]
    [InlineData("history", "history_")]
    [InlineData("a\\b", "a_b")]
    public void A_sheet_name_is_made_valid_for_excel(string name, string expected) =>
        Assert.Equal(expected, XlsxWorkbookWriter.SheetName(name));

    [Fact]
    public void Repeated_sheet_names_get_a_number_within_thirty_one_characters_and_are_written_so()
    {
        var names = XlsxWorkbookWriter.SheetNames(["Bilan", "bilan", "Bilan", new string('x', 40), new string('x', 35)]);

        Assert.Equal(["Bilan", "bilan (2)", "Bilan (3)", new string('x', 31), new string('x', 27) + " (2)"], names);
        using var stream = Written(new XlsxSheet("Bilan", ["A"], []), new XlsxSheet("bilan", ["A"], []), new XlsxSheet("Q1 / QPV", ["A"], []));
        Assert.Equal(["Bilan", "bilan (2)", "Q1 _ QPV"], XlsxReader.Read(stream).Select(s => s.Name));
    }

    [Fact]
    public void Any_names_give_valid_distinct_sheet_names()
    {
        var anyName = Gen.OneOf(Gen.Char['\0', '\u00ff'], Gen.OneOf('[', ']', ':', '*', '?', '/', '\\', '\'', ' ')).Array[0, 40].Select(c => new string(c));
        anyName.Array[1, 8].Sample(names =>
        {
            var valid = XlsxWorkbookWriter.SheetNames(names);

            Assert.Equal(names.Length, valid.Count);
            Assert.Equal(valid.Count, valid.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(valid, n =>
            {
                Assert.InRange(n.Length, 1, XlsxWorkbookWriter.MaxSheetNameLength);
                Assert.Equal(-1, n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']));
                Assert.False(n.StartsWith('\'') || n.EndsWith('\''), n);
                Assert.DoesNotContain(n, ch => char.IsControl(ch));
            });
        });
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_written_through_a_buffer_and_a_workbook_needs_a_sheet()
    {
        using var target = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(target))
        {
            XlsxWorkbookWriter.Write(forwardOnly, [Leases]);
        }

        target.Position = 0;
        Assert.Equal("Baux 2026", XlsxReader.Read(target).Single().Name);
        Assert.Throws<ArgumentException>(() => XlsxWorkbookWriter.Write(new MemoryStream(), []));
    }

    /// <summary>A write-only stream that cannot seek, like an HTTP response body.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
