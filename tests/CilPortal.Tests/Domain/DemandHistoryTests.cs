using CilPortal.Domain.Demands;

namespace CilPortal.Tests.Domain;

public class DemandHistoryTests
{
    private static readonly DateOnly Filed = new(2025, 3, 10);

    private static DemandEvent Event(string on, DemandEventKind kind, RadiationReason? reason = null) =>
        new() { OccurredOn = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), Kind = kind, RadiationReason = reason };

    [Fact]
    public void A_new_demand_is_active_for_one_year()
    {
        var state = DemandHistory.Derive(Filed, [Event("2025-03-10", DemandEventKind.Registered)]);

        Assert.Equal((DemandStatus.Active, new DateOnly(2026, 3, 10)), (state.Status, state.ExpiresOn));
    }

    [Fact]
    public void A_renewal_before_the_anniversary_extends_the_demand_by_a_year_from_the_anniversary()
    {
        var state = DemandHistory.Derive(Filed, [Event("2026-02-20", DemandEventKind.Renewed), Event("2027-03-09", DemandEventKind.Renewed)]);

        Assert.Equal(new DateOnly(2028, 3, 10), state.ExpiresOn);
        Assert.Equal(new DateOnly(2027, 3, 9), state.LastRenewedOn);
    }

    [Fact]
    public void A_renewal_on_or_after_the_anniversary_comes_too_late()
    {
        var state = DemandHistory.Derive(Filed, [Event("2026-03-10", DemandEventKind.Renewed)]);

        Assert.Equal(new DateOnly(2026, 3, 10), state.ExpiresOn);
        Assert.Null(state.LastRenewedOn);
    }

    [Fact]
    public void A_signed_lease_strikes_the_demand_off_for_reason_a_and_nothing_after_changes_it()
    {
        var state = DemandHistory.Derive(Filed,
        [
            Event("2025-04-01", DemandEventKind.PriorityPublicLabel),
            Event("2025-09-01", DemandEventKind.OfferMade),
            Event("2025-09-15", DemandEventKind.LeaseSigned),
            Event("2025-10-01", DemandEventKind.DaloLabel),
            Event("2025-11-01", DemandEventKind.Renewed),
        ]);

        Assert.Equal((DemandStatus.StruckOff, RadiationReason.LeaseSigned, new DateOnly(2025, 9, 15)), (state.Status, state.RadiationReason, state.StruckOffOn));
        Assert.True(state.IsPriorityPublic);
        Assert.False(state.IsDaloRecognised);
        Assert.Equal(new DateOnly(2026, 3, 10), state.ExpiresOn);
    }

    [Theory]
    [InlineData(RadiationReason.Renunciation)]
    [InlineData(RadiationReason.NoAnswerAfterWarning)]
    [InlineData(RadiationReason.Inadmissible)]
    [InlineData(RadiationReason.NotRenewed)]
    [InlineData(RadiationReason.Merged)]
    public void A_radiation_keeps_its_reason(RadiationReason reason)
    {
        var state = DemandHistory.Derive(Filed, [Event("2025-06-01", DemandEventKind.StruckOff, reason)]);

        Assert.Equal((DemandStatus.StruckOff, reason), (state.Status, state.RadiationReason!.Value));
    }

    [Fact]
    public void Recording_an_event_moves_an_imported_demand_on_from_the_state_the_registry_gave_it()
    {
        // Imported: the registry says it expires in 2027 although no renewal event came with it.
        var demand = new Demand { FiledOn = Filed, ExpiresOn = new DateOnly(2027, 3, 10) };

        DemandHistory.Record(demand, Event("2027-02-01", DemandEventKind.Renewed));
        DemandHistory.Record(demand, Event("2027-05-01", DemandEventKind.DaloLabel));

        Assert.Equal(new DateOnly(2028, 3, 10), demand.ExpiresOn);
        Assert.True(demand.IsDaloRecognised);
        Assert.Equal(2, demand.Events.Count);
    }

    [Fact]
    public void Recording_renewals_the_registry_already_counted_does_not_push_the_expiry_further()
    {
        // Imported in July 2025: the registry says it expires on 1 June 2026, after two renewals.
        var demand = new Demand { FiledOn = new DateOnly(2023, 6, 1), ExpiresOn = new DateOnly(2026, 6, 1) };

        DemandHistory.Record(demand, Event("2024-05-15", DemandEventKind.Renewed));
        DemandHistory.Record(demand, Event("2025-05-20", DemandEventKind.Renewed));
        DemandHistory.Record(demand, Event("2025-05-20", DemandEventKind.Renewed));

        Assert.Equal(new DateOnly(2026, 6, 1), demand.ExpiresOn);
        Assert.Equal(new DateOnly(2025, 5, 20), demand.LastRenewedOn);
    }

    [Theory]
    [InlineData(DemandEventKind.CaleolDecision, true)]
    [InlineData(DemandEventKind.OfferMade, true)]
    [InlineData(DemandEventKind.StruckOff, true)]
    [InlineData(DemandEventKind.Updated, false)]
    [InlineData(DemandEventKind.Renewed, false)]
    public void Only_the_steps_of_the_demand_trigger_a_notice(DemandEventKind kind, bool notice) =>
        Assert.Equal(notice, DemandHistory.IsNoticeWorthy(kind));
}
