using CilPortal.Domain.Information;
using CilPortal.Domain.Stock;

namespace CilPortal.Tests.Domain;

public class KeyFiguresTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void Percentiles_interpolate_between_ranks()
    {
        decimal[] values = [1, 2, 3, 4, 10];

        Assert.Equal(3m, KeyFiguresCalculator.Percentile(values, 0.5m));
        Assert.Equal(4m, KeyFiguresCalculator.Percentile(values, 0.75m));
        Assert.Equal(2.5m, KeyFiguresCalculator.Percentile([1m, 2m, 3m, 4m], 0.5m));
    }

    [Fact]
    public void Waits_are_measured_from_filing_to_lease_in_months_and_hidden_under_five_leases()
    {
        var leases = Enumerable.Range(1, 5).Select(i => new LeaseRecord("11262", Typology.T3, Today.AddDays(-(int)(i * 6 * 30.4375)), Today)).ToList();

        var waits = KeyFiguresCalculator.Waits(leases);

        Assert.NotNull(waits);
        Assert.Equal(18m, waits.MedianMonths);
        Assert.Equal(24m, waits.Percentile75Months);
        Assert.Null(KeyFiguresCalculator.Waits(leases.Take(4).ToList()));
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, "11262")]
    [InlineData(3, "11106")]
    [InlineData(4, "99999")]
    public void The_one_pass_computation_gives_the_figures_of_the_plain_definition(int seed, string? commune)
    {
        // Random leases around the window's edges (some in the future, some before the window), waits with many ties.
        var random = new Random(seed);
        string[] communes = ["11262", "11106", "11203"];
        var leases = Enumerable.Range(0, 3000).Select(_ =>
        {
            var signed = Today.AddDays(-random.Next(-30, (KeyFiguresCalculator.WaitWindowMonths * 31) + 60));
            return new LeaseRecord(communes[random.Next(communes.Length)], (Typology)random.Next(1, 7), signed.AddDays(-random.Next(0, 3000)), signed);
        }).ToList();
        StockCount[] stock = [new("11262", Typology.T3, 40), new("11106", Typology.T2, 12)];
        DemandCount[] demands = [new("11262", TypologySet.T2 | TypologySet.T3, 70), new(null, TypologySet.T4, 9)];

        var figures = KeyFiguresCalculator.Compute(stock, demands, leases, Today, commune);

        // The definition: each typology's leases of the window, their waits in months sorted, the percentiles interpolated.
        var windowStart = Today.AddMonths(-KeyFiguresCalculator.WaitWindowMonths);
        var inWindow = leases.Where(l => (commune is null || l.CommuneInseeCode == commune) && l.LeaseSignedOn <= Today && l.LeaseSignedOn > windowStart).ToList();
        foreach (var row in figures.ByTypology.Append(figures.Total))
        {
            var ofTypology = inWindow.Where(l => row.Typology is null || l.Typology == row.Typology).ToList();
            Assert.Equal(ofTypology.Count(l => l.LeaseSignedOn > Today.AddYears(-1)), row.LeasesLastYear);
            var months = ofTypology.Select(l => (l.LeaseSignedOn.DayNumber - l.FiledOn.DayNumber) / 30.4375m).Order().ToList();
            WaitStatistics? expected = months.Count < Disclosure.MinimumCount
                ? null
                : new WaitStatistics(months.Count, Math.Round(KeyFiguresCalculator.Percentile(months, 0.5m), 1), Math.Round(KeyFiguresCalculator.Percentile(months, 0.75m), 1));
            Assert.Equal(expected, row.Wait);
        }

        Assert.Equal(commune != "99999", figures.Total.Wait is not null);
    }

    [Fact]
    public void A_demand_counts_in_its_first_choice_commune_under_every_typology_it_accepts_and_once_in_the_total()
    {
        DemandCount[] demands =
        [
            new("11262", TypologySet.T2 | TypologySet.T3, 7),
            new("11106", TypologySet.T3, 2),
        ];

        var narbonne = KeyFiguresCalculator.Compute([], demands, [], Today, "11262");
        var epci = KeyFiguresCalculator.Compute([], demands, [], Today);

        Assert.Equal(7, narbonne.ByTypology.Single(f => f.Typology == Typology.T2).ActiveDemands);
        Assert.Equal(7, narbonne.ByTypology.Single(f => f.Typology == Typology.T3).ActiveDemands);
        Assert.Equal(7, narbonne.Total.ActiveDemands);
        Assert.Equal(9, epci.ByTypology.Single(f => f.Typology == Typology.T3).ActiveDemands);
        Assert.Equal(9, epci.Total.ActiveDemands);
    }

    [Fact]
    public void A_demand_without_wished_typology_counts_in_the_total_only()
    {
        DemandCount[] demands = [new("11262", TypologySet.T2, 6), new("11262", TypologySet.None, 3)];

        var figures = KeyFiguresCalculator.Compute([], demands, [], Today, "11262");

        Assert.Equal(9, figures.Total.ActiveDemands);
        Assert.Equal(6, figures.ByTypology.Sum(f => f.ActiveDemands));
    }

    [Fact]
    public void Allocations_count_over_twelve_months_and_the_ratio_is_only_published_from_five()
    {
        var leases = Enumerable.Range(0, 6).Select(i => new LeaseRecord("11262", Typology.T2, Today.AddYears(-2), Today.AddMonths(-i * 3))).ToList();
        DemandCount[] demands = [new("11262", TypologySet.T2, 40)];

        var figures = KeyFiguresCalculator.Compute([new StockCount("11262", Typology.T2, 100)], demands, leases, Today).ByTypology.Single(f => f.Typology == Typology.T2);

        Assert.Equal(4, figures.LeasesLastYear);
        Assert.Null(figures.DemandsPerAllocation);
        Assert.Equal(100, figures.Stock);
        Assert.NotNull(figures.Wait);
        Assert.Equal(6, figures.Wait.Leases);
    }

    [Theory]
    [InlineData(new[] { 120, 3, 40, 60 }, new[] { false, true, true, false })]
    [InlineData(new[] { 120, 3, 2, 60 }, new[] { false, true, true, false })]
    [InlineData(new[] { 120, 30, 40, 60 }, new[] { false, false, false, false })]
    [InlineData(new[] { 4 }, new[] { true })]
    public void A_lone_small_cell_hides_the_next_smallest_too_so_the_total_gives_nothing_away(int[] cells, bool[] hidden) =>
        Assert.Equal(hidden, Disclosure.HiddenCells(cells));

    [Theory]
    [InlineData(0, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void Counts_under_five_are_not_shown(int count, bool shown) =>
        Assert.Equal(shown, Disclosure.CanShow(count));
}
