namespace CilPortal.Domain.Demands;

/// <summary>An offer of a dwelling: the applicant has 10 days to answer (DOMAIN: after an offer).</summary>
public static class OfferRules
{
    public const int DaysToAnswer = 10;

    public static DateOnly AnswerDeadline(DateOnly offeredOn) => offeredOn.AddDays(DaysToAnswer);

    /// <summary>The offer still waiting for an answer: the last one made with no acceptance, refusal or lease after it.</summary>
    public static DemandEvent? PendingOffer(IEnumerable<DemandEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ordered = events.OrderBy(e => e.OccurredOn).ThenBy(e => e.Id).ToList();
        var lastOffer = ordered.FindLastIndex(e => e.Kind == DemandEventKind.OfferMade);
        return lastOffer >= 0 && !ordered.Skip(lastOffer + 1).Any(e => e.Kind is DemandEventKind.OfferAccepted or DemandEventKind.OfferRefused or DemandEventKind.LeaseSigned or DemandEventKind.StruckOff)
            ? ordered[lastOffer]
            : null;
    }
}

/// <summary>Life-cycle dates of a demand (R441-2-8): valid one year, renewed before its anniversary.</summary>
public static class DemandLifecycle
{
    /// <summary>How long before expiry the applicant is told to renew.</summary>
    public const int RenewalNoticeMonths = 1;

    /// <summary>Expiry of a new demand: its first anniversary.</summary>
    public static DateOnly ExpiryFrom(DateOnly filedOn) => filedOn.AddYears(1);

    /// <summary>A renewal extends the demand by one year from its anniversary date, whatever the day it was renewed.</summary>
    public static DateOnly ExpiryAfterRenewal(DateOnly currentExpiry) => currentExpiry.AddYears(1);

    public static DateOnly RenewalNoticeFrom(DateOnly expiresOn) => expiresOn.AddMonths(-RenewalNoticeMonths);

    public static bool IsInRenewalWindow(DateOnly expiresOn, DateOnly today) =>
        today >= RenewalNoticeFrom(expiresOn) && today < expiresOn;

    /// <summary>The reminder is due from one month before expiry, once per expiry date, for an active demand with an e-mail.</summary>
    public static bool IsRenewalReminderDue(Demand demand, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return demand.Status == DemandStatus.Active
            && IsInRenewalWindow(demand.ExpiresOn, today)
            && demand.RenewalReminderSentFor != demand.ExpiresOn
            && !string.IsNullOrWhiteSpace(demand.NoticeEmail);
    }

    /// <summary>A demand not renewed by its anniversary lapses (radiation reason (e)), even before the registry strikes it off.</summary>
    public static bool IsLapsed(DateOnly expiresOn, DateOnly today) => today >= expiresOn;

    /// <summary>Active on a day: filed, not struck off, not lapsed.</summary>
    public static bool IsActiveOn(Demand demand, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return demand.FiledOn <= day && !IsLapsed(demand.ExpiresOn, day) && (demand.StruckOffOn is null || day < demand.StruckOffOn);
    }
}
