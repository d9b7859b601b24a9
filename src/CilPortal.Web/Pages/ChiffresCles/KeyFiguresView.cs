using System.Globalization;
using CilPortal.Domain.Information;
using CilPortal.Web.Infrastructure;

namespace CilPortal.Web.Pages.ChiffresCles;

/// <summary>One row of the table as published: counts already hidden where the disclosure rule says so.</summary>
public sealed record PublishedRow(string Label, bool IsTotal, string Stock, string Demands, string Leases, string Ratio, string MedianWait, string Percentile75Wait,
    decimal? StockValue, decimal? DemandsValue, decimal? LeasesValue, decimal? MedianWaitValue);

/// <summary>
/// What the key-figures partial shows for a scope (the EPCI or a commune). Counts under 5 are hidden,
/// and so is a second cell of a column when only one is (the total would give it away).
/// </summary>
public sealed class KeyFiguresView
{
    public const string TooFew = "moins de 5";
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public KeyFiguresView(string scope, string chartPrefix, KeyFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        Scope = scope;
        ChartPrefix = chartPrefix;
        Figures = figures;
        var rows = figures.ByTypology;
        var stockHidden = Disclosure.HiddenCells([.. rows.Select(r => r.Stock)]);
        var demandsHidden = Disclosure.HiddenCells([.. rows.Select(r => r.ActiveDemands)]);
        var leasesHidden = Disclosure.HiddenCells([.. rows.Select(r => r.LeasesLastYear)]);
        Rows = [.. rows.Select((r, i) => Publish(r, stockHidden[i], demandsHidden[i], leasesHidden[i]))];
        var total = figures.Total;
        Total = Publish(total, !Disclosure.CanShow(total.Stock), !Disclosure.CanShow(total.ActiveDemands), !Disclosure.CanShow(total.LeasesLastYear));
    }

    public string Scope { get; }

    public string ChartPrefix { get; }

    public KeyFigures Figures { get; }

    public IReadOnlyList<PublishedRow> Rows { get; }

    public PublishedRow Total { get; }

    public static string Months(decimal? months) => months is { } m ? $"{m.ToString("0.#", French)} mois" : "non publié";

    public IReadOnlyList<Bar> Bars(Func<PublishedRow, decimal?> value, Func<PublishedRow, string> text) =>
        [.. Rows.Select(r => new Bar(r.Label, value(r), text(r)))];

    public string Describe(Func<PublishedRow, string> text) =>
        string.Join(" ; ", Rows.Select(r => $"{r.Label} : {text(r)}")) + ".";

    private static PublishedRow Publish(TypologyFigures f, bool stockHidden, bool demandsHidden, bool leasesHidden)
    {
        var ratioShown = !demandsHidden && !leasesHidden && f.DemandsPerAllocation is not null;
        return new PublishedRow(
            f.Typology?.ToString() ?? "Total",
            f.Typology is null,
            stockHidden ? TooFew : f.Stock.ToString("N0", French),
            demandsHidden ? TooFew : f.ActiveDemands.ToString("N0", French),
            leasesHidden ? TooFew : f.LeasesLastYear.ToString("N0", French),
            ratioShown ? f.DemandsPerAllocation!.Value.ToString("0.#", French) : "non publié",
            Months(f.Wait?.MedianMonths),
            Months(f.Wait?.Percentile75Months),
            stockHidden ? null : f.Stock,
            demandsHidden ? null : f.ActiveDemands,
            leasesHidden ? null : f.LeasesLastYear,
            f.Wait?.MedianMonths);
    }
}
