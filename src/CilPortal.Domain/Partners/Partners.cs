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
public class Bailleur
{
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
public class Reservataire
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public ReservataireKind Kind { get; set; }

    /// <summary>Set when the réservataire is a bailleur's own non-reserved flow.</summary>
    public int? BailleurId { get; set; }

    /// <summary>Set when the réservataire is a commune.</summary>
    public string? CommuneInseeCode { get; set; }
}

/// <summary>Lieu d'accueil: a reception point of the information service (SIAD).</summary>
public class ReceptionPoint
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Address { get; set; } = "";

    public string PostalCode { get; set; } = "";

    public string CommuneInseeCode { get; set; } = "";

    /// <summary>Guichet enregistreur: demands can be registered here.</summary>
    public bool IsRegistrationDesk { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>Opening hours as a short French text until the detailed timetable lands.</summary>
    public string? OpeningHours { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}
