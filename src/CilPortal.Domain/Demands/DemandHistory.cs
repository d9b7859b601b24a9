namespace CilPortal.Domain.Demands;

/// <summary>What a demand's dated events say about it (R441-2-15: the status is derived from the events).</summary>
public sealed record DemandState(
    DateOnly FiledOn,
    DemandStatus Status,
    DateOnly ExpiresOn,
    DateOnly? LastRenewedOn,
    RadiationReason? RadiationReason,
    DateOnly? StruckOffOn,
    bool IsPriorityPublic,
    bool IsDaloRecognised);

/// <summary>
/// Derives the state of a demand from its events, in date order: a renewal made before the expiry extends it
/// by a year from the anniversary; a signed lease or a radiation strikes it off (a lease with reason (a));
/// the priority-public and DALO labels, once given, stay. Events after a radiation change nothing.
/// </summary>
public static class DemandHistory
{
    public static DemandState Initial(DateOnly filedOn) =>
        new(filedOn, DemandStatus.Active, DemandLifecycle.ExpiryFrom(filedOn), null, null, null, false, false);

    /// <summary>
    /// A renewal made on a day extends the demand to one year after the anniversary that follows that day.
    /// Computed from the filing date, not from the current expiry, so that recording a renewal the registry
    /// already counted (an imported demand's expiry) changes nothing.
    /// </summary>
    public static DateOnly ExpiryAfterRenewalOn(DateOnly filedOn, DateOnly renewedOn)
    {
        var anniversary = DemandLifecycle.ExpiryFrom(filedOn);
        while (anniversary <= renewedOn)
        {
            anniversary = anniversary.AddYears(1);
        }

        return DemandLifecycle.ExpiryAfterRenewal(anniversary);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>The state after one more event.</summary>
    public static DemandState Next(DemandState state, DemandEvent e)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(e);
        if (state.Status == DemandStatus.StruckOff)
        {
            return state;
        }

        return e.Kind switch
        {
            DemandEventKind.Renewed when e.OccurredOn < state.ExpiresOn && (state.LastRenewedOn is null || e.OccurredOn > state.LastRenewedOn) =>
                state with { ExpiresOn = Max(state.ExpiresOn, ExpiryAfterRenewalOn(state.FiledOn, e.OccurredOn)), LastRenewedOn = e.OccurredOn },
            DemandEventKind.PriorityPublicLabel => state with { IsPriorityPublic = true },
            DemandEventKind.DaloLabel => state with { IsDaloRecognised = true },
            DemandEventKind.LeaseSigned => state with { Status = DemandStatus.StruckOff, RadiationReason = RadiationReason.LeaseSigned, StruckOffOn = e.OccurredOn },
            DemandEventKind.StruckOff => state with { Status = DemandStatus.StruckOff, RadiationReason = e.RadiationReason ?? RadiationReason.NotRenewed, StruckOffOn = e.OccurredOn },
            _ => state,
        };
    }

    /// <summary>The state a demand's whole history leads to.</summary>
    public static DemandState Derive(DateOnly filedOn, IEnumerable<DemandEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.OrderBy(e => e.OccurredOn).ThenBy(e => e.Id).Aggregate(Initial(filedOn), Next);
    }

    public static DemandState StateOf(Demand demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return new(demand.FiledOn, demand.Status, demand.ExpiresOn, demand.LastRenewedOn, demand.RadiationReason, demand.StruckOffOn, demand.IsPriorityPublic, demand.IsDaloRecognised);
    }

    /// <summary>
    /// Records an event on a demand and moves its state on. Incremental on purpose: an imported demand's state
    /// comes from the registry, which does not send its whole history.
    /// </summary>
    public static void Record(Demand demand, DemandEvent e)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(e);
        demand.Events.Add(e);
        var state = Next(StateOf(demand), e);
        demand.Status = state.Status;
        demand.ExpiresOn = state.ExpiresOn;
        demand.LastRenewedOn = state.LastRenewedOn;
        demand.RadiationReason = state.RadiationReason;
        demand.StruckOffOn = state.StruckOffOn;
        demand.IsPriorityPublic = state.IsPriorityPublic;
        demand.IsDaloRecognised = state.IsDaloRecognised;
    }

    /// <summary>Events the applicant is told about by e-mail when they are recorded (non-mandatory notices).</summary>
    public static bool IsNoticeWorthy(DemandEventKind kind) => kind is
        DemandEventKind.PriorityPublicLabel or DemandEventKind.DaloLabel or DemandEventKind.Designated
        or DemandEventKind.CaleolDecision or DemandEventKind.OfferMade or DemandEventKind.LeaseSigned or DemandEventKind.StruckOff;
}
