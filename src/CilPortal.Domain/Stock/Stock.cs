namespace CilPortal.Domain.Stock;

/// <summary>Dwelling size: T1 (one main room) to T6 (six main rooms or more).</summary>
public enum Typology
{
    T1 = 1,
    T2 = 2,
    T3 = 3,
    T4 = 4,
    T5 = 5,
    T6 = 6,
}

/// <summary>A set of typologies (a demand's wishes), stored as bit flags.</summary>
[Flags]
public enum TypologySet
{
    None = 0,
    T1 = 1,
    T2 = 2,
    T3 = 4,
    T4 = 8,
    T5 = 16,
    T6 = 32,
}

public static class TypologySetExtensions
{
    public static TypologySet ToSet(this Typology typology) => (TypologySet)(1 << ((int)typology - 1));

    public static bool Includes(this TypologySet set, Typology typology) => (set & typology.ToSet()) != 0;

    public static IEnumerable<Typology> Members(this TypologySet set) =>
        Enum.GetValues<Typology>().Where(t => set.Includes(t));
}

/// <summary>Financing of the dwelling, which sets its income ceiling.</summary>
public enum Financing
{
    Plai = 1,
    Plus = 2,
    Pls = 3,
}

public enum Accessibility
{
    None = 0,

    /// <summary>Accessible by lift or ground floor, adaptable.</summary>
    Adaptable = 1,

    /// <summary>Adapted for a wheelchair user.</summary>
    WheelchairAdapted = 2,
}

/// <summary>How a residence's QPV was established.</summary>
public enum QpvLocation
{
    /// <summary>The QPV code declared by the bailleur (no coordinates, or no contours).</summary>
    Declared = 0,

    /// <summary>The coordinates fall in (or outside) the QPV contours.</summary>
    Contours = 1,
}

public class Residence
{
    public int Id { get; set; }

    public int BailleurId { get; set; }

    public string Name { get; set; } = "";

    public string Address { get; set; } = "";

    public string CommuneInseeCode { get; set; } = "";

    /// <summary>The QPV the residence stands in, or null when outside any QPV.</summary>
    public string? QpvCode { get; set; }

    /// <summary>How <see cref="QpvCode"/> was found: from the coordinates and the QPV contours, or as declared.</summary>
    public QpvLocation QpvLocatedBy { get; set; }

    public bool IsInQpv => QpvCode is not null;

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public int? ConstructionYear { get; set; }

    public List<Dwelling> Dwellings { get; } = [];
}

public class Dwelling
{
    public int Id { get; set; }

    public int ResidenceId { get; set; }

    public Residence? Residence { get; set; }

    /// <summary>The bailleur's own identifier of the dwelling (RPLS-like), unique within its residence.</summary>
    public string Reference { get; set; } = "";

    public Typology Typology { get; set; }

    /// <summary>Living area in m².</summary>
    public decimal Surface { get; set; }

    /// <summary>Monthly rent without charges, in euros.</summary>
    public decimal Rent { get; set; }

    /// <summary>Monthly service charges, in euros.</summary>
    public decimal Charges { get; set; }

    public int Floor { get; set; }

    public bool HasLift { get; set; }

    public Accessibility Accessibility { get; set; }

    public Financing Financing { get; set; }

    /// <summary>Vacant since this date (to let), or null when let.</summary>
    public DateOnly? VacantSince { get; set; }
}
