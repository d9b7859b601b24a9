using CilPortal.Domain.Exchanges;

namespace CilPortal.Tests.Domain;

public class ExchangeSyntheticListingsTests
{
    [Fact]
    public void The_synthetic_listings_are_the_same_for_a_seed_and_accept_about_the_number_asked()
    {
        var first = SyntheticExchangeListings.Generate(3_000, seed: 7, acceptableDwellings: 12);
        var again = SyntheticExchangeListings.Generate(3_000, seed: 7, acceptableDwellings: 12);
        Assert.Equal(first.Select(Describe), again.Select(Describe));

        var graph = CompatibilityGraph.Build(first);
        var mean = graph.EdgeCount / (double)graph.Count;
        Assert.InRange(mean, 8, 16);
        Assert.True(graph.AllCycles().Count > 0);
        Assert.All(first.Take(50), c => Assert.NotEqual(c.Offered.CommuneInseeCode, SyntheticExchangeListings.CommuneName(c.Offered.CommuneInseeCode)));

        static string Describe(ExchangeCandidate c) =>
            $"{c.ListingId} {c.BailleurId} {c.Offered} {string.Join("|", c.Wanted.CommuneInseeCodes.Order(StringComparer.Ordinal))} {c.Wanted with { CommuneInseeCodes = new HashSet<string>() }}";
    }
}
