namespace CilPortal.Domain.Partners;

public enum BailleurKind
{
    /// <summary>Office public de l'habitat.</summary>
    Oph = 1,

    /// <summary>Entreprise sociale pour l'habitat.</summary>
    Esh = 2,

    /// <summary>Société d'économie mixte.</summary>
    Sem = 3,
}

/// <summary>A social landlord owning and letting dwellings on the territory.</summary>
public class Bailleur : IVersioned
{
    /// <summary>Concurrency token: see <see cref="IVersioned"/>.</summary>
    public int RowVersion { get; set; }

    public int Id { get; set; }

    public string Name { get; set; } = "";

    public BailleurKind Kind { get; set; }

    public string? Siren { get; set; }
}

public enum ReservataireKind
{
    Prefet = 1,
    ActionLogement = 2,
    Commune = 3,
    Epci = 4,
    Bailleur = 5,
    Other = 6,
}

/// <summary>Holder of allocation rights on a share of the flow of vacancies.</summary>
public class Reservataire : IVersioned
{
    /// <summary>Concurrency token: see <see cref="IVersioned"/>.</summary>
    public int RowVersion { get; set; }

    public int Id { get; set; }

    public string Name { get; set; } = "";

    public ReservataireKind Kind { get; set; }

    /// <summary>Set when the réservataire is a bailleur's own non-reserved flow.</summary>
    public int? BailleurId { get; set; }

    /// <summary>Set when the réservataire is a commune.</summary>
    public string? CommuneInseeCode { get; set; }
}

/// <summary>What a reception point offers.</summary>
[Flags]
public enum ReceptionServices
{
    None = 0,

    /// <summary>Information on the demand, the stock and the allocation rules.</summary>
    Information = 1,

    /// <summary>Guichet enregistreur: demands can be registered here.</summary>
    Registration = 2,

    /// <summary>Help to fill in, update or renew a demand; orientation to social workers.</summary>
    Accompaniment = 4,
}

/// <summary>Lieu d'accueil: a reception point of the information service (SIAD).</summary>
public class ReceptionPoint : IVersioned
{
    /// <summary>Concurrency token: see <see cref="IVersioned"/>.</summary>
    public int RowVersion { get; set; }

    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Address { get; set; } = "";

    public string PostalCode { get; set; } = "";

    public string CommuneInseeCode { get; set; } = "";

    public ReceptionServices Services { get; set; } = ReceptionServices.Information;

    public bool IsRegistrationDesk => Services.HasFlag(ReceptionServices.Registration);

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>Step-free access for wheelchair users.</summary>
    public bool IsWheelchairAccessible { get; set; }

    /// <summary>Other accessibility details (hearing loop, sign language by appointment…).</summary>
    public string? AccessibilityDetails { get; set; }

    /// <summary>Practical information shown under the timetable (e.g. "sur rendez-vous le mercredi").</summary>
    public string? Notes { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public List<OpeningSlot> OpeningSlots { get; } = [];

    public List<ReceptionClosure> Closures { get; } = [];
}

/// <summary>A weekly opening slot, in local (Europe/Paris) time.</summary>
public class OpeningSlot
{
    public int Id { get; set; }

    public int ReceptionPointId { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }
}

/// <summary>Days a reception point is closed (holidays, public holidays, works), both dates included.</summary>
public class ReceptionClosure
{
    public int Id { get; set; }

    public int ReceptionPointId { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public string Reason { get; set; } = "";
}
