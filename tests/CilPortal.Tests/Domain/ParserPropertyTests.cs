using System.Globalization;
using System.Text;
using System.Xml;
using CilPortal.Domain.Commission;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Scoring;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Importers;
using CilPortal.Infrastructure.ReferenceData;
using CilPortal.Tests.Import;
using CilPortal.Web.Content;
using CilPortal.Web.Infrastructure;
using CsCheck;

namespace CilPortal.Tests.Domain;

/// <summary>
/// Property-based tests (CsCheck) of every parser of the portal: whatever the text, no unhandled exception (only the
/// errors each parser reports), and a round trip where there is a writer for the reader.
/// </summary>
public class ParserPropertyTests
{
    /// <summary>Text people and files may send: anything, the characters parsers care about, very long strings.</summary>
    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["0123456789 ,.;:€-+eE/\\\"'\u00a0\u202f\n\r\tAZaz\u00e9\u0000\ud83d\ude00"], 0, 40],
        Gen.Int[1, 20_000].Select(n => new string('9', n)),
        Gen.Const(""),
        Gen.Const("\uFEFF"));

    [Fact]
    public void A_nur_is_normalised_without_exception_and_a_well_formed_one_is_exactly_eighteen_capitals_or_digits()
    {
        AnyText.Sample(text =>
        {
            var normalised = Nur.Normalise(text);
            Assert.Equal(normalised, Nur.Normalise(normalised));
            Assert.DoesNotContain(normalised, char.IsWhiteSpace);
            if (Nur.IsWellFormed(text))
            {
                Assert.Equal(Nur.Length, text.Length);
                Assert.All(text, c => Assert.True(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)));
            }

            _ = Nur.IsWellFormed(normalised) ? Nur.DeskSequence(normalised) : null;
        }, iter: 3000);
    }

    [Fact]
    public void A_nur_issued_by_a_desk_is_well_formed_and_gives_back_its_sequence()
    {
        Gen.Select(Gen.Int[0, 999], Gen.Date[new DateTime(2000, 1, 1), new DateTime(2099, 12, 31)], Gen.Int[1, Nur.MaxDeskSequence], Gen.Int[0, 99_999])
            .Sample((territory, day, sequence, point) =>
            {
                var code = territory.ToString("000", CultureInfo.InvariantCulture);
                var nur = Nur.Issue(code, DateOnly.FromDateTime(day), sequence, point);
                Assert.True(Nur.IsWellFormed(nur), nur);
                Assert.Equal(sequence, Nur.DeskSequence(nur));
                Assert.StartsWith(Nur.MonthPrefix(code, DateOnly.FromDateTime(day)), nur, StringComparison.Ordinal);
                Assert.Equal(nur, Nur.Normalise($" {nur[..6]} {nur[6..].ToLowerInvariant()} "));
            }, iter: 2000);
    }

    [Fact]
    public void An_amount_typed_in_any_way_is_read_or_refused_without_exception_and_never_negative()
    {
        AnyText.Sample(text =>
        {
            var amount = FrenchAmount.TryParse(text);
            Assert.True(amount is null or >= 0m, $"« {text} » → {amount}");
        }, iter: 5000);
    }

    [Fact]
    public void An_amount_written_the_french_way_reads_back_to_itself()
    {
        var french = CultureInfo.GetCultureInfo("fr-FR");
        Gen.Select(Gen.Long[0, 999_999_999_999L], Gen.Int[0, 99], Gen.Int[0, 3]).Sample((euros, cents, style) =>
        {
            var amount = euros + cents / 100m;
            var text = style switch
            {
                0 => amount.ToString("#,0.##", french),
                1 => amount.ToString("0.00", french) + " €",
                2 => euros.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.') + (cents == 0 ? "" : "," + cents.ToString("00", CultureInfo.InvariantCulture)),
                _ => FrenchFormat.Euros(euros),
            };
            Assert.Equal(style == 3 ? euros : amount, FrenchAmount.TryParse(text));
        }, iter: 3000);
    }

    [Fact]
    public void The_french_formats_never_throw()
    {
        Gen.Select(Gen.Decimal, Gen.Int, Gen.Date, Gen.Int[0, 86_399]).Sample((amount, rank, date, seconds) =>
        {
            Assert.EndsWith(" €", FrenchFormat.Euros(amount), StringComparison.Ordinal);
            Assert.NotEmpty(FrenchFormat.Rank(rank));
            Assert.NotEmpty(FrenchFormat.Date(DateOnly.FromDateTime(date)));
            Assert.NotEmpty(FrenchFormat.Time(TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(seconds))));
        }, iter: 2000);
    }

    [Fact]
    public void A_slug_is_lowercase_letters_digits_and_dashes_only()
    {
        AnyText.Sample(text =>
        {
            if (ContentStore.IsValidSlug(text))
            {
                Assert.All(text, c => Assert.True(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-', $"« {text} »"));
            }
        }, iter: 3000);
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 1, 60].Sample(slug => Assert.True(ContentStore.IsValidSlug(slug)));
        Assert.False(ContentStore.IsValidSlug("faq\n"));
        Assert.False(ContentStore.IsValidSlug("../faq"));
    }

    [Fact]
    public void A_date_of_an_import_is_read_in_its_two_formats_and_anything_else_is_refused_without_exception()
    {
        Gen.Date[new DateTime(1900, 1, 1), new DateTime(2199, 12, 31)].Sample(day =>
        {
            var date = DateOnly.FromDateTime(day);
            Assert.True(CsvImportFile.TryDate(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), out var iso) && iso == date);
            Assert.True(CsvImportFile.TryDate(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), out var french) && french == date);
        }, iter: 2000);
        AnyText.Sample(text => { _ = CsvImportFile.TryDate(text, out _); }, iter: 3000);
        Assert.False(CsvImportFile.TryDate("31/02/2026", out _));
        Assert.False(CsvImportFile.TryDate("2026-02-30", out _));
    }

    [Fact]
    public void Csv_records_read_back_the_fields_written_whatever_they_hold()
    {
        var field = Gen.String[Gen.Char["ab;\"\n\r, é€x0"], 0, 12];
        field.Array[1, 6].Array[1, 8].Sample(records =>
        {
            var text = string.Concat(records.Select(r => string.Join(';', r.Select(Quote)) + "\n"));
            var read = CsvReader.Read(new StringReader(text), ';').ToList();
            Assert.Equal(records.Length, read.Count);
            for (var i = 0; i < records.Length; i++)
            {
                Assert.Equal(records[i].Select(f => f.Replace("\r", "", StringComparison.Ordinal)), read[i].Fields.Select(f => f.Replace("\r", "", StringComparison.Ordinal)));
            }
        }, iter: 2000);
        AnyText.Sample(text => { _ = CsvReader.Read(new StringReader(text), ';').ToList(); }, iter: 3000);

        static string Quote(string f) => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    [Fact]
    public void An_import_file_of_any_bytes_gives_lines_or_a_header_error_without_exception()
    {
        const string header = "a;b;c";
        Gen.OneOf(AnyText, AnyText.Select(t => header + "\n" + t)).Sample(text =>
        {
            var lines = new List<string>();
            using var file = new MemoryStream(Encoding.UTF8.GetBytes(text));
            var error = CsvImportFile.Read(file, header, r => string.Join('|', r.Fields), lines);
            Assert.True(error is not null || text.TrimStart('\uFEFF').StartsWith(header, StringComparison.OrdinalIgnoreCase) || text.Trim().Length == 0 || lines.Count == 0);
        }, iter: 2000);
        Gen.Byte.Array[0, 400].Sample(bytes => { _ = CsvImportFile.Read(new MemoryStream(bytes), header, r => r.Fields[0], new List<string>()); }, iter: 2000);
    }

    [Fact]
    public void Commission_lists_typed_one_per_line_have_no_blank_and_no_repeat()
    {
        AnyText.Sample(text =>
        {
            foreach (var list in new[] { CommissionRules.ParseAttendees(text), CommissionRules.ParseChecklist(text) })
            {
                Assert.All(list, item => Assert.False(string.IsNullOrWhiteSpace(item)));
                Assert.Equal(list.Count, list.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            }
        }, iter: 3000);
    }

    [Fact]
    public void A_similar_demands_key_reads_back_and_any_text_is_refused_without_exception()
    {
        Gen.Select(Gen.Enum<Typology>(), Gen.String[Gen.Char["0123456789AB"], 5, 5]).Sample((typology, commune) =>
        {
            var key = SimilarDemands.Key(typology, commune);
            Assert.Equal<(Typology, string)?>((typology, commune), SimilarDemands.Parse(key));
        }, iter: 1000);
        AnyText.Sample(text => { _ = SimilarDemands.Parse(text); }, iter: 3000);
    }

    [Fact]
    public void Random_mutations_of_a_valid_sne_file_are_read_or_reported_never_thrown_otherwise()
    {
        var valid = SneFiles.Example;
        var today = new DateOnly(2026, 11, 28);
        Mutated(valid).Sample(xml =>
        {
            try
            {
                var read = SneInterfaceNuuReader.Read(SneFiles.Stream(xml), today).ToList();
                Assert.All(read, r => Assert.All(r.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message))));
            }
            catch (SneFileException)
            {
                // Reported by the importer as the file's error.
            }
            catch (XmlException)
            {
                // Reported by the importer as « fichier mal formé, ligne n ».
            }
        }, iter: 400);
    }

    [Fact]
    public void Random_mutations_of_valid_qpv_contours_are_read_or_refused_with_a_format_error()
    {
        const string valid = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"code_qp":"QP011001","nom_qp":"Razimbaud"},
               "geometry":{"type":"Polygon","coordinates":[[[3.0,43.18],[3.01,43.18],[3.01,43.19],[3.0,43.19],[3.0,43.18]]]}},
              {"type":"Feature","properties":{"code_qp":"QP011002"},
               "geometry":{"type":"MultiPolygon","coordinates":[[[[3.02,43.18],[3.03,43.18],[3.03,43.19],[3.02,43.18]]]]}}]}
            """;
        Assert.Equal(2, QpvContoursReader.Read(valid).Count);
        Mutated(valid).Sample(json =>
        {
            try
            {
                _ = QpvContoursReader.Read(json);
            }
            catch (FormatException)
            {
                // The importer reports it, naming the feature.
            }
        }, iter: 2000);
    }

    /// <summary>A valid text changed by a few random edits: cut, insert, replace, repeat or truncate.</summary>
    internal static Gen<string> Mutated(string valid) =>
        Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Int[1, 80], Gen.String[Gen.Char["<>/=\"'&;:,.{}[]-0123456789azAZ \n\u00e9\u0000"], 1, 12])
            .Array[1, 6]
            .Select(edits =>
            {
                var text = new StringBuilder(valid);
                foreach (var (kind, where, length, insert) in edits)
                {
                    var at = (int)(where * text.Length);
                    var span = Math.Min(length, text.Length - at);
                    switch (kind)
                    {
                        case 0:
                            text.Remove(at, span);
                            break;
                        case 1:
                            text.Insert(at, insert);
                            break;
                        case 2:
                            text.Remove(at, span).Insert(at, insert);
                            break;
                        case 3:
                            text.Insert(at, text.ToString(at, span));
                            break;
                        default:
                            text.Length = at;
                            break;
                    }
                }

                return text.ToString();
            });
}
