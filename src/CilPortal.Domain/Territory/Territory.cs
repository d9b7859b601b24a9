namespace CilPortal.Domain.Territory;

/// <summary>The intercommunality that runs the portal (one per deployment).</summary>
public class Epci
{
    public int Id { get; set; }

    /// <summary>SIREN, 9 digits.</summary>
    public string Siren { get; set; } = "";

    public string Name { get; set; } = "";

    public List<Commune> Communes { get; } = [];
}

/// <summary>Zone of the income-ceiling table (arrêté du 29 juillet 1987).</summary>
public enum IncomeCeilingZone
{
    ParisAndAdjoiningCommunes = 1,
    RestOfIleDeFrance = 2,
    OtherRegions = 3,
}

public class Commune
{
    /// <summary>INSEE code (5 characters, e.g. 11262); the natural key.</summary>
    public string InseeCode { get; set; } = "";

    public string Name { get; set; } = "";

    public IncomeCeilingZone IncomeCeilingZone { get; set; } = IncomeCeilingZone.OtherRegions;

    public int EpciId { get; set; }

    public List<Qpv> Qpvs { get; } = [];
}

/// <summary>Quartier prioritaire de la politique de la ville (2015 geography), code QPdddnnn.</summary>
public class Qpv
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string CommuneInseeCode { get; set; } = "";

    public Commune? Commune { get; set; }

    /// <summary>Municipal population of the QPV (INSEE).</summary>
    public int? Population { get; set; }

    /// <summary>Median yearly disposable income per consumption unit (INSEE, €/UC).</summary>
    public decimal? MedianIncomePerUnit { get; set; }

    /// <summary>First decile of yearly income per consumption unit (INSEE, €/UC).</summary>
    public decimal? FirstDecileIncomePerUnit { get; set; }

    /// <summary>Ninth decile of yearly income per consumption unit (INSEE, €/UC).</summary>
    public decimal? NinthDecileIncomePerUnit { get; set; }

    /// <summary>The QPV's contour: a GeoJSON geometry (Polygon or MultiPolygon, WGS84 longitude/latitude), when known.</summary>
    public string? ContourGeoJson { get; set; }
}

/// <summary>A group of communes and QPV used by the CIA to break down its targets.</summary>
public class Sector : IVersioned
{
    /// <summary>Concurrency token: see <see cref="IVersioned"/>.</summary>
    public int RowVersion { get; set; }

    public int Id { get; set; }

    public string Name { get; set; } = "";

    public List<SectorCommune> Communes { get; } = [];

    public List<SectorQpv> Qpvs { get; } = [];
}

public class SectorCommune
{
    public int SectorId { get; set; }

    public string CommuneInseeCode { get; set; } = "";
}

public class SectorQpv
{
    public int SectorId { get; set; }

    public string QpvCode { get; set; } = "";
}
