using CilPortal.Domain.Exchanges;
using CilPortal.Domain.Stock;
using CsCheck;
using static CilPortal.Tests.Domain.ExchangeCriteriaTests;

namespace CilPortal.Tests.Domain;

/// <summary>
/// The graph keeps each household's best dwellings and each dwelling's best-suited households, never more
/// (CompatibilityGraph.MaxEdgesPerListing, issue #11): on the benchmark territory every wish accepted thousands of dwellings.
/// </summary>
public class ExchangeGraphBoundTests
{
    private const int Bound = CompatibilityGraph.MaxEdgesPerListing;

    /// <summary>
    /// More listings than the bound in two communes, with open or loose wishes: most households accept most dwellings, with
    /// scores that vary (rent and surface margins, features) and tie often (values on a coarse grid).
    /// </summary>
    private static readonly Gen<ExchangeCandidate[]> DenseListings =
        Gen.Select(Gen.Int[0, 1], Gen.Int[2, 4], Gen.Int[4, 9], Gen.Int[40, 80])
            .Select(Gen.Select(Gen.Int[0, 12], Gen.Int[0, 6], Gen.Int[0, 15], Gen.Bool), (d, w) => (d, w))
            .Array[Bound + 40, (2 * Bound) + 40]
            .Select(rows => rows.Select((r, i) => new ExchangeCandidate(
                5000 - (3 * i),
                1,
                Dwelling(commune: r.d.Item1 == 0 ? "A" : "B", typology: (Typology)r.d.Item2, surface: r.d.Item3 * 10m, rent: r.d.Item4 * 10m,
                    features: (ExchangeFeatures)(i % 16)),
                Wish(communes: r.w.Item4 ? [] : ["A"], maxRent: r.w.Item1 == 0 ? null : 700m + (r.w.Item1 * 20m), minSurface: r.w.Item2 == 0 ? null : 30m + (r.w.Item2 * 5m),
                    mustHaves: r.w.Item3 == 0 ? ExchangeFeatures.OutdoorSpace : ExchangeFeatures.None))).ToArray());

    [Fact]
    public void A_pair_is_kept_when_the_dwelling_is_among_the_household_s_best_or_the_household_among_the_dwelling_s_best() =>
        DenseListings.Sample(listings =>
        {
            var graph = CompatibilityGraph.Build(listings);
            var accepted = Enumerable.Range(0, listings.Length)
                .SelectMany(a => Enumerable.Range(0, listings.Length)
                    .Where(b => b != a && ExchangeCriteria.Accepts(listings[a].Wanted, listings[b].Offered))
                    .Select(b => (a, b, Score: ExchangeCriteria.Score(listings[a].Wanted, listings[b].Offered))))
                .ToList();
            var bestDwellings = accepted.GroupBy(e => e.a)
                .SelectMany(row => row.OrderByDescending(e => e.Score).ThenBy(e => listings[e.b].ListingId).Take(Bound));
            var bestHouseholds = accepted.GroupBy(e => e.b)
                .SelectMany(column => column.OrderByDescending(e => e.Score).ThenBy(e => listings[e.a].ListingId).Take(Bound));
            var expected = bestDwellings.Union(bestHouseholds).OrderBy(e => e.a).ThenBy(e => e.b).ToList();

            var kept = Enumerable.Range(0, graph.Count)
                .SelectMany(a => graph.Successors(a).ToArray().Zip(graph.SuccessorScores(a).ToArray(), (b, s) => (a, b, Score: (int)s)))
                .ToList();
            Assert.Equal(expected, kept);
            Assert.Contains(accepted.GroupBy(e => e.a), row => row.Count() > Bound);
            Assert.True(accepted.Count > kept.Count);
            Assert.True(kept.Count <= 2 * Bound * listings.Length);

            // The reverse rows hold the same pairs, and a household's first dwellings are its best, in the order shown.
            var reversed = Enumerable.Range(0, graph.Count)
                .SelectMany(b => graph.Predecessors(b).ToArray().Zip(graph.PredecessorScores(b).ToArray(), (a, s) => (a, b, Score: (int)s)))
                .OrderBy(e => e.a).ThenBy(e => e.b);
            Assert.Equal(expected, reversed);
            foreach (var a in Enumerable.Range(0, listings.Length))
            {
                var best = accepted.Where(e => e.a == a).OrderByDescending(e => e.Score).ThenBy(e => listings[e.b].ListingId).Take(Bound)
                    .Select(e => new ExchangeMatch(listings[e.b].ListingId, e.Score));
                Assert.Equal(best, graph.AcceptedBy(listings[a].ListingId).Take(Bound));
                Assert.Equal(accepted.Count(e => e.a == a), graph.AcceptedCount(listings[a].ListingId));
            }
        }, iter: 12);

    [Fact]
    public void When_every_household_wants_the_same_dwellings_each_dwelling_still_has_its_best_suited_households()
    {
        // 150 households in commune A all want a dwelling in A under 800 €: the cheapest dwellings score best for everyone,
        // so everyone's best hundred are the same; every dwelling also keeps its hundred best-suited households (all equal
        // here: the lowest listing ids).
        var listings = Enumerable.Range(0, 150)
            .Select(i => new ExchangeCandidate(i + 1, 1, Dwelling(commune: "A", rent: 400m + (i * 2m)), Wish(communes: ["A"], maxRent: 800m)))
            .ToArray();
        var graph = CompatibilityGraph.Build(listings);

        Assert.All(Enumerable.Range(0, graph.Count), b => Assert.True(graph.Predecessors(b).Length >= Bound));
        var dearest = graph.IndexOf(150);
        Assert.Equal(Enumerable.Range(1, Bound).Select(graph.IndexOf), graph.Predecessors(dearest).ToArray());
        Assert.DoesNotContain(dearest, graph.Successors(graph.IndexOf(149)).ToArray());
        Assert.NotEmpty(graph.CyclesOf(150));
    }
}
