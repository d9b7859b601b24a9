using System.Globalization;
using System.Text;
using CilPortal.Domain.Allocations;
using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Exports;
using CilPortal.Web.Infrastructure;

namespace CilPortal.Web.Pages.Gestion.Epci.Cia;

/// <summary>
/// The annual report of the CIA (« bilan annuel »): the method, then the indicators for the EPCI, per bailleur, per
/// sector and per réservataire, and the leases per month. One set of tables serves the printable page, the CSV and
/// the XLSX, so that the three always say the same.
/// </summary>
public static class CiaReport
{
    public static readonly IReadOnlyList<string> IndicatorHeader =
        ["Périmètre", "Nom", "Indicateur", "Baux signés dans le périmètre", "Répondant à l'objectif", "Quartile inconnu", "Part (%)", "Objectif (%)", "Atteint", "Encore nécessaires au rythme actuel"];

    public static IReadOnlyList<XlsxSheet> Sheets(CiaDashboardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var b = data.Breakdown;
        List<IReadOnlyList<XlsxCell>> Rows(string scope, string name, CiaYearIndicators i) =>
        [
            Line(scope, name, CiaIndicatorKind.OutsideQpvFirstQuartile, i.OutsideQpvFirstQuartile),
            Line(scope, name, CiaIndicatorKind.InQpvOtherQuartiles, i.InQpvOtherQuartiles),
            Line(scope, name, CiaIndicatorKind.PriorityPublics, i.PriorityPublics),
        ];

        return
        [
            new XlsxSheet("Méthode", ["Élément", "Valeur"], [.. Method(data).Select(m => (IReadOnlyList<XlsxCell>)[XlsxCell.Text(m.Item), XlsxCell.Text(m.Value)])]),
            new XlsxSheet("Intercommunalité", IndicatorHeader, Rows("Intercommunalité", "Intercommunalité", b.Epci)),
            new XlsxSheet("Bailleurs", IndicatorHeader, [.. b.ByBailleur.SelectMany(s => Rows("Bailleur", data.BailleurNames.GetValueOrDefault(s.Scope.Id, "?"), s.Indicators))]),
            new XlsxSheet("Secteurs", IndicatorHeader, [.. b.BySector.SelectMany(s => Rows("Secteur", data.Sectors.Sectors.Single(x => x.Id == s.Scope.Id).Name, s.Indicators))]),
            new XlsxSheet("Réservataires", IndicatorHeader,
                [.. b.ByReservataire.Select(r => Line("Réservataire", data.ReservataireNames.GetValueOrDefault(r.ReservataireId, "?"), CiaIndicatorKind.PriorityPublics, r.Indicator))]),
            new XlsxSheet("Mois", ["Mois", "Baux signés"], [.. b.Epci.LeasesByMonth.Select((count, m) => (IReadOnlyList<XlsxCell>)[XlsxCell.Text(Month(data.Year, m)), XlsxCell.Number(count)])]),
        ];
    }

    /// <summary>How the figures were counted, for the CIL meeting.</summary>
    public static IReadOnlyList<(string Item, string Value)> Method(CiaDashboardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var s = data.Settings;
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        return
        [
            ("Année", data.Year.ToString(CultureInfo.InvariantCulture)),
            ("Baux comptés", data.YearIsOver ? $"signés du 1er janvier au 31 décembre {data.Year}" : $"signés du 1er janvier au {data.AsOf.ToString("d MMMM yyyy", fr)} (année en cours)"),
            ("Seuil du premier quartile", s.FirstQuartileThreshold is { } t ? $"{t.ToString("N0", fr)} € de ressources annuelles par unité de consommation{(s.ThresholdSource is { } src ? $" ({src})" : "")}" : "non renseigné : quartile inconnu"),
            ("Objectifs de l'année", $"hors QPV {s.OutsideQpvFirstQuartileTarget:0.#} % au premier quartile ; en QPV {s.InQpvOtherQuartilesTarget:0.#} % aux quartiles 2 à 4 ; {s.PriorityPublicsTarget:0.#} % aux publics prioritaires"),
            ("Objectifs propres", data.Overrides.Count == 0 ? "aucun : chaque bailleur et secteur a ceux de l'année" : $"{data.Overrides.Count} bailleur(s) ou secteur(s) ont des objectifs propres"),
            ("Règle de comptage", "une attribution compte l'année de signature de son bail ; ressources mensuelles de la demande × 12 divisées par les unités de consommation (1 pour le premier adulte, 0,5 par autre personne de 14 ans ou plus, 0,3 par enfant de moins de 14 ans), comparées au seuil ; le QPV est celui de la résidence ; un relogement au titre du renouvellement urbain compte avec le premier quartile hors QPV ; un quartile inconnu compte dans le total sans répondre à l'objectif"),
            ("Encore nécessaires", "attributions répondant à l'objectif qu'il faudrait encore d'ici la fin de l'année si les baux continuent au même rythme"),
            ("Secteurs", data.Sectors.Sectors.Count == 0 ? "aucun" : "une attribution compte dans un secteur quand sa commune ou son QPV en fait partie"),
        ];
    }

    /// <summary>The report as one CSV: the method first, then every indicator line.</summary>
    public static byte[] Csv(CiaDashboardData data)
    {
        var csv = new StringBuilder();
        foreach (var (item, value) in Method(data))
        {
            CsvText.AppendLine(csv, ["# " + item, value]);
        }

        CsvText.AppendLine(csv, IndicatorHeader);
        foreach (var sheet in Sheets(data).Where(s => s.Header == IndicatorHeader))
        {
            foreach (var row in sheet.Rows)
            {
                CsvText.AppendLine(csv, row.Select(Invariant));
            }
        }

        return CsvText.Bytes(csv);
    }

    public static byte[] Xlsx(CiaDashboardData data)
    {
        using var stream = new MemoryStream();
        XlsxWorkbookWriter.Write(stream, Sheets(data));
        return stream.ToArray();
    }

    /// <summary>A cell as the printable page shows it.</summary>
    public static string Display(XlsxCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        return cell.Kind switch
        {
            XlsxCellKind.Text => cell.TextValue ?? "",
            XlsxCellKind.Number => cell.NumberValue.ToString("N0", fr),
            XlsxCellKind.Percent => cell.NumberValue.ToString("0.0", fr) + " %",
            XlsxCellKind.Date => cell.DateValue.ToString("dd/MM/yyyy", fr),
            _ => "—",
        };
    }

    private static string Invariant(XlsxCell cell) => cell.Kind switch
    {
        XlsxCellKind.Text => cell.TextValue ?? "",
        XlsxCellKind.Number => cell.NumberValue.ToString(CultureInfo.InvariantCulture),
        XlsxCellKind.Percent => cell.NumberValue.ToString("0.0", CultureInfo.InvariantCulture),
        XlsxCellKind.Date => cell.DateValue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => "",
    };

    private static IReadOnlyList<XlsxCell> Line(string scope, string name, CiaIndicatorKind kind, CiaIndicator i) =>
    [
        XlsxCell.Text(scope), XlsxCell.Text(name), XlsxCell.Text(CiaWhatIf.Label(kind)), XlsxCell.Number(i.Total), XlsxCell.Number(i.Met), XlsxCell.Number(i.Unknown),
        XlsxCell.Percent(i.SharePercent), XlsxCell.Percent(i.TargetPercent), XlsxCell.Text(i.Total == 0 ? "sans objet" : i.IsReached ? "oui" : "non"), XlsxCell.Number(i.StillNeeded),
    ];

    private static string Month(int year, int month) => new DateOnly(year, month + 1, 1).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"));
}
