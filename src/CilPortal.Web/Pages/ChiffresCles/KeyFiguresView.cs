using System.Globalization;
using CilPortal.Domain.Information;
using CilPortal.Web.Infrastructure;

namespace CilPortal.Web.Pages.ChiffresCles;

/// <summary>What the key-figures partial shows: the figures of a scope (the EPCI or a commune) in words.</summary>
public sealed record KeyFiguresView(string Scope, string ChartPrefix, KeyFigures Figures)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public const string TooFew = "moins de 5";

    public static string Count(int count) => Disclosure.CanShow(count) ? count.ToString("N0", French) : TooFew;

    public static string Ratio(decimal? ratio) => ratio is { } r ? r.ToString("0.#", French) : "non publié";

    public static string Months(decimal? months) => months is { } m ? $"{m.ToString("0.#", French)} mois" : "non publié";

    public static string TypologyLabel(TypologyFigures figures) => figures.Typology?.ToString() ?? "Total";

    public IReadOnlyList<Bar> DemandBars =>
        [.. Figures.ByTypology.Select(f => new Bar(TypologyLabel(f), Disclosure.CanShow(f.ActiveDemands) ? f.ActiveDemands : null, Count(f.ActiveDemands)))];

    public IReadOnlyList<Bar> WaitBars =>
        [.. Figures.ByTypology.Select(f => new Bar(TypologyLabel(f), f.Wait?.MedianMonths, Months(f.Wait?.MedianMonths)))];

    public string DemandChartDescription =>
        string.Join(" ; ", Figures.ByTypology.Select(f => $"{TypologyLabel(f)} : {Count(f.ActiveDemands)}")) + ".";

    public string WaitChartDescription =>
        string.Join(" ; ", Figures.ByTypology.Select(f => $"{TypologyLabel(f)} : {Months(f.Wait?.MedianMonths)}")) + ".";
}
