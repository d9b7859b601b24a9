using CilPortal.Domain.Stock;

namespace CilPortal.Domain.Exchanges;

/// <summary>How a dwelling offered for exchange is heated.</summary>
public enum HeatingKind
{
    Unknown = 0,
    Individual = 1,
    Collective = 2,
}

/// <summary>Features a household may require of the dwelling it moves into (bit flags).</summary>
[Flags]
public enum ExchangeFeatures
{
    None = 0,

    /// <summary>A balcony, terrace or garden.</summary>
    OutdoorSpace = 1,

    /// <summary>A parking space or garage.</summary>
    Parking = 2,

    /// <summary>A lift in the building.</summary>
    Lift = 4,

    /// <summary>Individual heating.</summary>
    IndividualHeating = 8,
}

/// <summary>The facts of a dwelling offered for exchange that the matching reads (no address, no name).</summary>
/// <param name="CommuneInseeCode">The commune of the dwelling.</param>
/// <param name="IsInQpv">Derived from the residence, never typed by the tenant.</param>
/// <param name="RentWithCharges">Monthly rent plus charges, in euros.</param>
/// <param name="Features">What the dwelling has (outdoor space, parking, lift, individual heating).</param>
public sealed record ExchangeDwelling(
    string CommuneInseeCode,
    bool IsInQpv,
    Typology Typology,
    decimal Surface,
    decimal RentWithCharges,
    int Floor,
    Accessibility Accessibility,
    ExchangeFeatures Features);

/// <summary>What a household looks for. Empty communes or typologies mean « any ».</summary>
/// <param name="MaxRentWithCharges">The most the household will pay, rent plus charges; null when not set.</param>
/// <param name="MinSurface">The smallest living area accepted in m²; null when not set.</param>
/// <param name="MaxFloorWithoutLift">The highest floor accepted when the building has no lift; null when any floor will do.</param>
/// <param name="RequiredAccessibility">The least accessibility the household needs (adaptable, wheelchair).</param>
/// <param name="MustHaves">Features the dwelling must have.</param>
public sealed record ExchangeWish(
    IReadOnlySet<string> CommuneInseeCodes,
    TypologySet Typologies,
    decimal? MaxRentWithCharges,
    decimal? MinSurface,
    int? MaxFloorWithoutLift,
    Accessibility RequiredAccessibility,
    ExchangeFeatures MustHaves);

/// <summary>A published listing as the matching engine sees it: the dwelling offered and the dwelling wanted.</summary>
public sealed record ExchangeCandidate(int ListingId, int BailleurId, ExchangeDwelling Offered, ExchangeWish Wanted);
