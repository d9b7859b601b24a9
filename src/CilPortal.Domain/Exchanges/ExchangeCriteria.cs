using System.Globalization;
using CilPortal.Domain.Stock;

namespace CilPortal.Domain.Exchanges;

/// <summary>The rules of a wish, in the order the explanations list them.</summary>
public enum ExchangeCriterion
{
    Commune = 1,
    Typology = 2,
    Rent = 3,
    Surface = 4,
    Floor = 5,
    Accessibility = 6,
    MustHave = 7,

    /// <summary>Features the dwelling has beyond those required (never a reason to refuse).</summary>
    Extras = 8,
}

/// <summary>One line of an explanation: the rule, whether the dwelling meets it, and a short French sentence.</summary>
public sealed record ExchangeReason(ExchangeCriterion Criterion, bool IsMet, string Text);

/// <summary>
/// Why a dwelling suits (or does not suit) a wish, in plain French for the tenant.
/// </summary>
/// <param name="IsAccepted">Whether the dwelling meets every rule of the wish (<see cref="ExchangeCriteria.Accepts"/>).</param>
/// <param name="Score">The leg score (<see cref="ExchangeCriteria.Score"/>), 0 when refused.</param>
/// <param name="Summary">« Le logement de Locataire B (T3, 68 m², 610 € charges comprises, Villeurbanne) correspond à vos critères : ».</param>
/// <param name="Reasons">One line per rule of the wish (met or not), then the extras; render <see cref="ExchangeReason.Text"/>.</param>
public sealed record ExchangeLegExplanation(bool IsAccepted, int Score, string Summary, IReadOnlyList<ExchangeReason> Reasons);

/// <summary>
/// The hard rules of a wish (does the household want this dwelling?) and the score of a leg (how well it fits).
/// A « leg » is one household moving into another's dwelling: the wish of the first, the dwelling of the second.
/// </summary>
public static class ExchangeCriteria
{
    /// <summary>The score given to any dwelling that meets the hard rules, before the margins and the extras.</summary>
    public const int FitPoints = 10;

    /// <summary>The most points the rent margin gives.</summary>
    public const int RentPoints = 35;

    /// <summary>The most points the surface margin gives.</summary>
    public const int SurfacePoints = 35;

    /// <summary>The points of each feature the dwelling has (outdoor space, parking, lift, individual heating).</summary>
    public const int PointsPerFeature = 5;

    /// <summary>The relative margin (20 %) that earns the full rent or surface points.</summary>
    public const decimal FullMargin = 0.2m;

    private const ExchangeFeatures AllFeatures =
        ExchangeFeatures.OutdoorSpace | ExchangeFeatures.Parking | ExchangeFeatures.Lift | ExchangeFeatures.IndividualHeating;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// Whether the household of <paramref name="wish"/> wants <paramref name="dwelling"/>: its commune is one of the wish's
    /// (none listed: any), its typology one of the wish's (none: any), rent plus charges at most the maximum, surface at least
    /// the minimum, the floor at most <see cref="ExchangeWish.MaxFloorWithoutLift"/> when the building has no lift, the
    /// accessibility at least the one required (None &lt; Adaptable &lt; WheelchairAdapted), and every must-have feature.
    /// Communes are compared by the wish's set (the matching engine expects ordinal INSEE codes).
    /// </summary>
    public static bool Accepts(ExchangeWish wish, ExchangeDwelling dwelling)
    {
        ArgumentNullException.ThrowIfNull(wish);
        ArgumentNullException.ThrowIfNull(dwelling);
        return (wish.CommuneInseeCodes.Count == 0 || wish.CommuneInseeCodes.Contains(dwelling.CommuneInseeCode))
            && (wish.Typologies == TypologySet.None || wish.Typologies.Includes(dwelling.Typology))
            && AcceptsBeyondPlace(wish, dwelling);
    }

    /// <summary>The rules other than commune and typology (the graph's index already selected those).</summary>
    internal static bool AcceptsBeyondPlace(ExchangeWish wish, ExchangeDwelling dwelling) =>
        (wish.MaxRentWithCharges is not { } max || dwelling.RentWithCharges <= max)
        && (wish.MinSurface is not { } min || dwelling.Surface >= min)
        && FloorAccepted(wish, dwelling)
        && dwelling.Accessibility >= wish.RequiredAccessibility
        && (dwelling.Features & wish.MustHaves) == wish.MustHaves;

    private static bool FloorAccepted(ExchangeWish wish, ExchangeDwelling dwelling) =>
        (dwelling.Features & ExchangeFeatures.Lift) != 0 || wish.MaxFloorWithoutLift is not { } maxFloor || dwelling.Floor <= maxFloor;

    /// <summary>
    /// How well <paramref name="dwelling"/> fits <paramref name="wish"/> beyond the hard rules, from 0 to 100; 0 when the
    /// wish refuses it, and from <see cref="FitPoints"/> (10) to 100 when it accepts it:
    /// <code>
    /// score = round(10 + 35 × r + 35 × s + 5 × f)   (half away from zero)
    /// r = min(1, (max − rent) / (0.2 × max))         rent margin: full points 20 % or more below the maximum;
    ///                                                 0.5 when no maximum is set, 1 when the maximum is 0 or less
    /// s = min(1, (surface − min) / (0.2 × min))      surface margin: full points 20 % or more above the minimum;
    ///                                                 0.5 when no minimum is set, 1 when the minimum is 0 or less
    /// f = number of features the dwelling has among outdoor space, parking, lift, individual heating (0 to 4)
    /// </code>
    /// Every accepted leg is worth at least 10, so that a proposal always prefers housing one more household. The formula is
    /// computed in double precision from the decimal amounts.
    /// </summary>
    public static int Score(ExchangeWish wish, ExchangeDwelling dwelling) =>
        Accepts(wish, dwelling) ? ScoreAccepted(wish, dwelling) : 0;

    /// <summary>The score of a dwelling known to be accepted.</summary>
    internal static int ScoreAccepted(ExchangeWish wish, ExchangeDwelling dwelling) =>
        ScoreAccepted(
            wish.MaxRentWithCharges is { } max ? (double)max : null,
            (double)dwelling.RentWithCharges,
            wish.MinSurface is { } min ? (double)min : null,
            (double)dwelling.Surface,
            dwelling.Features);

    /// <summary>The score formula, in double precision (the graph calls it with the same values converted once).</summary>
    internal static int ScoreAccepted(double? maxRent, double rent, double? minSurface, double surface, ExchangeFeatures features)
    {
        var r = maxRent is { } max ? Margin(max - rent, max) : 0.5;
        var s = minSurface is { } min ? Margin(surface - min, min) : 0.5;
        var score = FitPoints + (RentPoints * r) + (SurfacePoints * s) + (PointsPerFeature * FeatureCount(features));
        return (int)Math.Round(score, MidpointRounding.AwayFromZero);
    }

    private static double Margin(double gap, double reference) =>
        reference <= 0 ? 1 : Math.Clamp(gap / ((double)FullMargin * reference), 0, 1);

    private static int FeatureCount(ExchangeFeatures features) =>
        System.Numerics.BitOperations.PopCount((uint)(features & AllFeatures));

    /// <summary>
    /// Explains in plain French why <paramref name="dwelling"/> suits (or not) the household of <paramref name="wish"/>:
    /// a summary naming the dwelling and one reason per rule the wish sets (met or not), then the extras.
    /// </summary>
    /// <param name="ownerLabel">How the page names the household offering the dwelling (a pseudonym such as « Locataire B »).</param>
    /// <param name="communeName">The name of a commune from its INSEE code; the code itself when null.</param>
    public static ExchangeLegExplanation Explain(ExchangeWish wish, ExchangeDwelling dwelling, string ownerLabel, Func<string, string>? communeName = null)
    {
        ArgumentNullException.ThrowIfNull(wish);
        ArgumentNullException.ThrowIfNull(dwelling);
        ArgumentNullException.ThrowIfNull(ownerLabel);
        communeName ??= code => code;
        var commune = communeName(dwelling.CommuneInseeCode);
        var reasons = new List<ExchangeReason>();

        if (wish.CommuneInseeCodes.Count == 0)
        {
            reasons.Add(new(ExchangeCriterion.Commune, true, $"À {commune} : toutes les communes vous conviennent."));
        }
        else
        {
            var met = wish.CommuneInseeCodes.Contains(dwelling.CommuneInseeCode);
            reasons.Add(new(ExchangeCriterion.Commune, met, (met, wish.CommuneInseeCodes.Count) switch
            {
                (true, 1) => $"À {commune}, la commune que vous avez choisie.",
                (true, _) => $"À {commune}, l’une des communes que vous avez choisies.",
                (false, 1) => $"À {commune}, alors que vous avez choisi {communeName(wish.CommuneInseeCodes.First())}.",
                (false, _) => $"À {commune}, qui n’est pas l’une des communes que vous avez choisies.",
            }));
        }

        var typology = dwelling.Typology.ToString();
        if (wish.Typologies == TypologySet.None)
        {
            reasons.Add(new(ExchangeCriterion.Typology, true, $"Un {typology} : toutes les tailles vous conviennent."));
        }
        else
        {
            var met = wish.Typologies.Includes(dwelling.Typology);
            var wanted = string.Join(" ou ", wish.Typologies.Members().Select(t => t.ToString()));
            reasons.Add(new(ExchangeCriterion.Typology, met, met
                ? $"Un {typology}, comme vous le cherchez ({wanted})."
                : $"Un {typology}, alors que vous cherchez un {wanted}."));
        }

        var rent = Euros(dwelling.RentWithCharges);
        if (wish.MaxRentWithCharges is { } maxRent)
        {
            var gap = maxRent - dwelling.RentWithCharges;
            reasons.Add(new(ExchangeCriterion.Rent, gap >= 0, gap switch
            {
                0 => $"{rent} charges comprises, soit exactement votre maximum.",
                > 0 => $"{rent} charges comprises, {Euros(gap)} de moins que votre maximum de {Euros(maxRent)}.",
                _ => $"{rent} charges comprises, {Euros(-gap)} de plus que votre maximum de {Euros(maxRent)}.",
            }));
        }
        else
        {
            reasons.Add(new(ExchangeCriterion.Rent, true, $"{rent} charges comprises : vous n’avez pas fixé de loyer maximum."));
        }

        var surface = SquareMetres(dwelling.Surface);
        if (wish.MinSurface is { } minSurface)
        {
            var gap = dwelling.Surface - minSurface;
            reasons.Add(new(ExchangeCriterion.Surface, gap >= 0, gap switch
            {
                0 => $"{surface}, soit exactement votre minimum.",
                > 0 => $"{surface}, {SquareMetres(gap)} de plus que votre minimum de {SquareMetres(minSurface)}.",
                _ => $"{surface}, {SquareMetres(-gap)} de moins que votre minimum de {SquareMetres(minSurface)}.",
            }));
        }
        else
        {
            reasons.Add(new(ExchangeCriterion.Surface, true, $"{surface} : vous n’avez pas fixé de surface minimum."));
        }

        var hasLift = (dwelling.Features & ExchangeFeatures.Lift) != 0;
        var floor = FloorLabel(dwelling.Floor);
        if (hasLift)
        {
            reasons.Add(new(ExchangeCriterion.Floor, true, $"{Capitalise(floor)}, avec ascenseur."));
        }
        else if (wish.MaxFloorWithoutLift is { } maxFloor)
        {
            var met = dwelling.Floor <= maxFloor;
            reasons.Add(new(ExchangeCriterion.Floor, met, met
                ? $"{Capitalise(floor)} sans ascenseur, dans votre limite ({FloorLabel(maxFloor)} au plus sans ascenseur)."
                : $"{Capitalise(floor)} sans ascenseur, au-delà de votre limite ({FloorLabel(maxFloor)} au plus sans ascenseur)."));
        }
        else
        {
            reasons.Add(new(ExchangeCriterion.Floor, true, $"{Capitalise(floor)}, sans ascenseur."));
        }

        if (wish.RequiredAccessibility != Accessibility.None)
        {
            var met = dwelling.Accessibility >= wish.RequiredAccessibility;
            reasons.Add(new(ExchangeCriterion.Accessibility, met, met
                ? $"{Capitalise(AccessibilityLabel(dwelling.Accessibility))}, comme il vous le faut."
                : $"{Capitalise(AccessibilityLabel(dwelling.Accessibility))}, alors qu’il vous faut un {RequiredLabel(wish.RequiredAccessibility)}."));
        }

        foreach (var feature in Features(wish.MustHaves))
        {
            var met = (dwelling.Features & feature) != 0;
            reasons.Add(new(ExchangeCriterion.MustHave, met, met
                ? $"{Capitalise(FeatureLabel(feature))}, que vous demandez."
                : $"Pas de {FeatureLabel(feature, partitive: true)}, que vous demandez."));
        }

        var extras = Features(dwelling.Features & ~wish.MustHaves).Select(f => FeatureLabel(f)).ToList();
        if (extras.Count > 0)
        {
            reasons.Add(new(ExchangeCriterion.Extras, true, $"En plus : {string.Join(", ", extras)}."));
        }

        var accepted = reasons.TrueForAll(r => r.IsMet);
        var summary = $"Le logement de {ownerLabel} ({typology}, {surface}, {rent} charges comprises, {commune}) "
            + (accepted ? "correspond à vos critères :" : "ne correspond pas à vos critères :");
        return new(accepted, accepted ? ScoreAccepted(wish, dwelling) : 0, summary, reasons);
    }

    /// <summary>« 610 € », « 612,50 € » (fr-FR, no decimals when whole).</summary>
    public static string Euros(decimal amount) =>
        amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", French) + " €";

    /// <summary>« 68 m² », « 68,5 m² ».</summary>
    public static string SquareMetres(decimal surface) => surface.ToString("#,0.##", French) + " m²";

    private static string FloorLabel(int floor) => floor switch
    {
        0 => "rez-de-chaussée",
        1 => "1er étage",
        > 1 => $"{floor}e étage",
        _ => $"niveau {floor.ToString(French)}",
    };

    private static string AccessibilityLabel(Accessibility accessibility) => accessibility switch
    {
        Accessibility.WheelchairAdapted => "logement adapté au fauteuil roulant",
        Accessibility.Adaptable => "logement adaptable",
        _ => "logement ni adaptable ni adapté",
    };

    private static string RequiredLabel(Accessibility accessibility) =>
        accessibility == Accessibility.WheelchairAdapted ? "logement adapté au fauteuil roulant" : "logement au moins adaptable";

    private static IEnumerable<ExchangeFeatures> Features(ExchangeFeatures features) =>
        new[] { ExchangeFeatures.OutdoorSpace, ExchangeFeatures.Parking, ExchangeFeatures.Lift, ExchangeFeatures.IndividualHeating }
            .Where(f => (features & f) != 0);

    private static string FeatureLabel(ExchangeFeatures feature, bool partitive = false) => (feature, partitive) switch
    {
        (ExchangeFeatures.OutdoorSpace, false) => "un balcon, une terrasse ou un jardin",
        (ExchangeFeatures.OutdoorSpace, true) => "balcon, terrasse ni jardin",
        (ExchangeFeatures.Parking, false) => "un parking ou un garage",
        (ExchangeFeatures.Parking, true) => "parking ni garage",
        (ExchangeFeatures.Lift, false) => "un ascenseur",
        (ExchangeFeatures.Lift, true) => "ascenseur",
        (ExchangeFeatures.IndividualHeating, false) => "un chauffage individuel",
        (ExchangeFeatures.IndividualHeating, true) => "chauffage individuel",
        _ => feature.ToString(),
    };

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpper(text[0], French).ToString(), text.AsSpan(1));
}
