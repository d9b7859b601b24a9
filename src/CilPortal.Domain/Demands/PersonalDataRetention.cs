namespace CilPortal.Domain.Demands;

/// <summary>
/// How long the portal keeps the personal data of a struck-off demand, and what it removes then. What statistics
/// need stays: the demand (number, filing, renewal, expiry and radiation dates, radiation reason, source, wished
/// typologies and communes, current housing situation, priority and DALO labels), its dated events (without their
/// free text), the household's composition (roles and links, birth dates reduced to the 1st of January of the year)
/// and, outside the demand, the allocations, leases and their CIA classification.
/// </summary>
public static class PersonalDataRetention
{
    public const int DefaultMonths = 12;

    /// <summary>Demands struck off before this day are due (struck off more than <paramref name="months"/> months ago).</summary>
    public static DateOnly Cutoff(DateOnly today, int months)
    {
        if (months < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, "La durée de conservation compte au moins un mois.");
        }

        return today.AddMonths(-months);
    }

    /// <summary>A struck-off demand whose radiation is older than the retention period and whose data are still there.</summary>
    public static bool IsDue(Demand demand, DateOnly today, int months)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return demand.Status == DemandStatus.StruckOff
            && demand.StruckOffOn is { } struckOffOn
            && struckOffOn < Cutoff(today, months)
            && demand.PersonalDataPurgedOn is null;
    }

    /// <summary>
    /// Removes the personal data held on the demand itself and its loaded household and resources (the caller deletes
    /// the resources it loaded, and the related rows kept elsewhere). Does nothing to a demand already purged.
    /// </summary>
    /// <returns>Whether anything was removed.</returns>
    public static bool Strip(Demand demand, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(demand);
        if (demand.PersonalDataPurgedOn is not null)
        {
            return false;
        }

        demand.ContactEmail = null;
        demand.ContactPhone = null;
        demand.PortalEmail = null;
        demand.PortalPhone = null;
        demand.PendingPortalEmail = null;
        demand.PendingPortalEmailTokenHash = null;
        demand.PendingPortalEmailSentAt = null;
        demand.StatusNotices = false;
        demand.NoticeToken = null;
        demand.AccessCodeHash = null;
        demand.AccessCodeIssuedOn = null;
        demand.ReferenceIncomeN1 = null;
        demand.ReferenceIncomeN2 = null;
        demand.CurrentRent = null;
        demand.CurrentSurface = null;
        demand.CurrentOccupants = null;
        demand.MaxRent = null;
        demand.CurrentCommuneInseeCode = null;
        demand.CurrentHousingCode = null;
        demand.Situations = default;
        foreach (var member in demand.Members)
        {
            member.FirstName = "";
            member.LastName = "";
            member.BirthDate = new DateOnly(member.BirthDate.Year, 1, 1);
        }

        foreach (var demandEvent in demand.Events)
        {
            demandEvent.Detail = null;
        }

        demand.Resources.Clear();
        demand.PersonalDataPurgedOn = today;
        return true;
    }
}

/// <summary>How long the audit log (sign-ins, administration, exports, staff reads of demands) is kept.</summary>
public static class AuditRetention
{
    public const int DefaultMonths = 12;

    /// <summary>Entries written before this instant are due for deletion.</summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, int months)
    {
        if (months < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, "La durée de conservation compte au moins un mois.");
        }

        return now.AddMonths(-months);
    }
}
