using CilPortal.Domain.Demands;
using CilPortal.Domain.Stock;

namespace CilPortal.Tests.Domain;

public class DemandRulesTests
{
    [Theory]
    [InlineData("1110318016982G1104", true)]
    [InlineData("1110318016982g1104", false)]
    [InlineData("1110318016982G110", false)]
    [InlineData("1110318016982G11045", false)]
    [InlineData("11103180-6982G1104", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_nur_has_eighteen_digits_or_capital_letters(string? nur, bool wellFormed) =>
        Assert.Equal(wellFormed, Nur.IsWellFormed(nur));

    [Fact]
    public void A_typed_nur_is_normalised_before_checking() =>
        Assert.Equal("1110318016982G1104", Nur.Normalise(" 11103 18016982g 1104 "));

    [Fact]
    public void A_demand_is_valid_one_year_and_the_applicant_is_told_one_month_before()
    {
        var expiry = DemandLifecycle.ExpiryFrom(new DateOnly(2026, 3, 15));

        Assert.Equal(new DateOnly(2027, 3, 15), expiry);
        Assert.False(DemandLifecycle.IsInRenewalWindow(expiry, new DateOnly(2027, 2, 14)));
        Assert.True(DemandLifecycle.IsInRenewalWindow(expiry, new DateOnly(2027, 2, 15)));
        Assert.True(DemandLifecycle.IsInRenewalWindow(expiry, new DateOnly(2027, 3, 14)));
        Assert.False(DemandLifecycle.IsInRenewalWindow(expiry, new DateOnly(2027, 3, 15)));
    }

    [Fact]
    public void A_demand_lapses_on_its_anniversary_if_not_renewed()
    {
        var demand = new Demand { FiledOn = new DateOnly(2025, 3, 15), ExpiresOn = new DateOnly(2026, 3, 15) };

        Assert.False(DemandLifecycle.IsLapsed(demand.ExpiresOn, new DateOnly(2026, 3, 14)));
        Assert.True(DemandLifecycle.IsLapsed(demand.ExpiresOn, new DateOnly(2026, 3, 15)));
        Assert.True(DemandLifecycle.IsActiveOn(demand, new DateOnly(2026, 3, 14)));
        Assert.False(DemandLifecycle.IsActiveOn(demand, new DateOnly(2025, 3, 14)));
        Assert.False(DemandLifecycle.IsActiveOn(demand, new DateOnly(2026, 3, 15)));
    }

    [Fact]
    public void A_renewal_keeps_the_anniversary_date() =>
        Assert.Equal(new DateOnly(2028, 3, 15), DemandLifecycle.ExpiryAfterRenewal(new DateOnly(2027, 3, 15)));

    [Fact]
    public void A_set_of_typologies_keeps_its_members()
    {
        var set = Typology.T2.ToSet() | Typology.T5.ToSet();

        Assert.True(set.Includes(Typology.T2));
        Assert.False(set.Includes(Typology.T3));
        Assert.Equal([Typology.T2, Typology.T5], set.Members());
    }
}
