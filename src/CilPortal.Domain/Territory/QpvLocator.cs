namespace CilPortal.Domain.Territory;

/// <summary>A point on the WGS84 ellipsoid, in decimal degrees.</summary>
/// <remarks>
/// The struct itself accepts any value (so that <c>default</c> and deserialisation stay cheap); the types that
/// use it (<see cref="QpvPolygon"/>, <see cref="QpvLocator.Locate"/>) reject a latitude outside [-90, 90], a
/// longitude outside [-180, 180] and NaN with an <see cref="ArgumentOutOfRangeException"/>.
/// </remarks>
/// <param name="Latitude">Latitude in degrees, positive north, in [-90, 90].</param>
/// <param name="Longitude">Longitude in degrees, positive east of Greenwich, in [-180, 180].</param>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Throws when the latitude or the longitude is out of range or NaN.</summary>
    /// <param name="point">The point to check.</param>
    /// <param name="paramName">The name of the argument reported in the exception.</param>
    /// <exception cref="ArgumentOutOfRangeException">Latitude not in [-90, 90] or longitude not in [-180, 180].</exception>
    public static void ThrowIfOutOfRange(GeoPoint point, string paramName)
    {
        // Written as !(in range) so that NaN is rejected too.
        if (!(point.Latitude >= -90 && point.Latitude <= 90))
        {
            throw new ArgumentOutOfRangeException(paramName, point.Latitude, "La latitude doit être comprise entre -90 et 90 degrés.");
        }

        if (!(point.Longitude >= -180 && point.Longitude <= 180))
        {
            throw new ArgumentOutOfRangeException(paramName, point.Longitude, "La longitude doit être comprise entre -180 et 180 degrés.");
        }
    }
}

/// <summary>An axis-aligned latitude/longitude rectangle, bounds included.</summary>
/// <param name="MinLatitude">Southern bound, in degrees.</param>
/// <param name="MinLongitude">Western bound, in degrees.</param>
/// <param name="MaxLatitude">Northern bound, in degrees.</param>
/// <param name="MaxLongitude">Eastern bound, in degrees.</param>
public readonly record struct GeoBoundingBox(double MinLatitude, double MinLongitude, double MaxLatitude, double MaxLongitude)
{
    /// <summary>Whether the point lies inside the rectangle or on its border.</summary>
    /// <param name="point">The point to test.</param>
    /// <returns><see langword="true"/> when the point is inside or on the border.</returns>
    public bool Contains(GeoPoint point) =>
        point.Latitude >= MinLatitude && point.Latitude <= MaxLatitude
        && point.Longitude >= MinLongitude && point.Longitude <= MaxLongitude;

    /// <summary>The smallest rectangle holding every given point.</summary>
    /// <param name="points">At least one point.</param>
    /// <returns>The bounding box of the points.</returns>
    /// <exception cref="ArgumentException">No point given.</exception>
    public static GeoBoundingBox Of(IEnumerable<GeoPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        double minLat = double.PositiveInfinity, minLon = double.PositiveInfinity;
        double maxLat = double.NegativeInfinity, maxLon = double.NegativeInfinity;
        var any = false;
        foreach (var p in points)
        {
            any = true;
            minLat = Math.Min(minLat, p.Latitude);
            maxLat = Math.Max(maxLat, p.Latitude);
            minLon = Math.Min(minLon, p.Longitude);
            maxLon = Math.Max(maxLon, p.Longitude);
        }

        return any
            ? new GeoBoundingBox(minLat, minLon, maxLat, maxLon)
            : throw new ArgumentException("Un rectangle englobant demande au moins un point.", nameof(points));
    }
}

/// <summary>
/// One polygon of a QPV contour: an outer ring and zero or more holes (GeoJSON "Polygon" semantics).
/// </summary>
/// <remarks>
/// A ring is a sequence of at least three vertices; it may be given closed (last vertex equal to the first, as in
/// GeoJSON) or open, the closing edge being implied. Rings are treated as plane polygons in
/// (longitude, latitude) degrees, which is accurate enough for neighbourhood-sized areas; a ring crossing the
/// antimeridian is not supported.
/// </remarks>
public sealed class QpvPolygon
{
    private readonly GeoPoint[] _outerRing;
    private readonly GeoPoint[][] _holes;

    /// <summary>Creates a polygon from its rings (the vertices are copied).</summary>
    /// <param name="outerRing">The outer boundary, at least three vertices.</param>
    /// <param name="holes">The inner boundaries (holes), each at least three vertices; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">A ring has fewer than three vertices.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A vertex is out of the WGS84 range.</exception>
    public QpvPolygon(IReadOnlyList<GeoPoint> outerRing, IEnumerable<IReadOnlyList<GeoPoint>>? holes = null)
    {
        _outerRing = CopyRing(outerRing, nameof(outerRing));
        _holes = holes is null ? [] : holes.Select(h => CopyRing(h, nameof(holes))).ToArray();
        BoundingBox = GeoBoundingBox.Of(_outerRing);
    }

    /// <summary>The outer boundary, as given (closed or open).</summary>
    public IReadOnlyList<GeoPoint> OuterRing => _outerRing;

    /// <summary>The holes, as given.</summary>
    public IReadOnlyList<IReadOnlyList<GeoPoint>> Holes => _holes;

    /// <summary>The bounding box of the outer ring.</summary>
    public GeoBoundingBox BoundingBox { get; }

    /// <summary>
    /// Whether the point is inside the outer ring and inside none of the holes (even-odd ray casting per ring).
    /// A point exactly on an edge or a vertex may be reported either way.
    /// </summary>
    /// <param name="point">The point to test (not range-checked here: see <see cref="QpvLocator.Locate"/>).</param>
    /// <returns><see langword="true"/> when the point is in the polygon.</returns>
    public bool Contains(GeoPoint point)
    {
        if (!BoundingBox.Contains(point) || !RingContains(_outerRing, point))
        {
            return false;
        }

        foreach (var hole in _holes)
        {
            if (RingContains(hole, point))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Even-odd rule: casts a ray from the point towards increasing longitude and counts the edges it crosses.
    /// Each edge is taken half-open in latitude (lower end included, upper end excluded), so a ray passing through
    /// a vertex is counted once; horizontal edges never count. The implied closing edge (last to first vertex) is
    /// always tested, and is empty when the ring is already closed.
    /// </summary>
    private static bool RingContains(GeoPoint[] ring, GeoPoint point)
    {
        var y = point.Latitude;
        var x = point.Longitude;
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var a = ring[i];
            var b = ring[j];
            if ((a.Latitude > y) != (b.Latitude > y))
            {
                // a.Latitude != b.Latitude here, so the division is safe.
                var crossingLongitude = a.Longitude + ((y - a.Latitude) * (b.Longitude - a.Longitude) / (b.Latitude - a.Latitude));
                if (x < crossingLongitude)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    private static GeoPoint[] CopyRing(IReadOnlyList<GeoPoint>? ring, string paramName)
    {
        if (ring is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (ring.Count < 3)
        {
            throw new ArgumentException("Un anneau de polygone demande au moins trois sommets.", paramName);
        }

        var copy = ring.ToArray();
        foreach (var vertex in copy)
        {
            GeoPoint.ThrowIfOutOfRange(vertex, paramName);
        }

        return copy;
    }
}

/// <summary>
/// The official contour of one QPV (quartier prioritaire de la politique de la ville): one or more polygons
/// (a GeoJSON "Polygon" gives one, a "MultiPolygon" several), each with its holes.
/// </summary>
public sealed class QpvContour
{
    private readonly QpvPolygon[] _polygons;

    /// <summary>Creates a contour.</summary>
    /// <param name="qpvCode">The QPV code, e.g. <c>QP011008</c>.</param>
    /// <param name="polygons">At least one polygon.</param>
    /// <exception cref="ArgumentException">Empty code or no polygon.</exception>
    public QpvContour(string qpvCode, IEnumerable<QpvPolygon> polygons)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(qpvCode);
        ArgumentNullException.ThrowIfNull(polygons);
        _polygons = polygons.ToArray();
        if (_polygons.Length == 0)
        {
            throw new ArgumentException("Un contour de QPV demande au moins un polygone.", nameof(polygons));
        }

        if (_polygons.Any(p => p is null))
        {
            throw new ArgumentException("Un contour de QPV ne peut pas contenir de polygone nul.", nameof(polygons));
        }

        QpvCode = qpvCode;
        BoundingBox = new GeoBoundingBox(
            _polygons.Min(p => p.BoundingBox.MinLatitude),
            _polygons.Min(p => p.BoundingBox.MinLongitude),
            _polygons.Max(p => p.BoundingBox.MaxLatitude),
            _polygons.Max(p => p.BoundingBox.MaxLongitude));
    }

    /// <summary>The QPV code, e.g. <c>QP011008</c>.</summary>
    public string QpvCode { get; }

    /// <summary>The polygons of the contour (several for a MultiPolygon).</summary>
    public IReadOnlyList<QpvPolygon> Polygons => _polygons;

    /// <summary>The bounding box of all the polygons.</summary>
    public GeoBoundingBox BoundingBox { get; }

    /// <summary>
    /// Whether the point lies in one of the polygons (outside their holes). A point exactly on an edge or a
    /// vertex may be reported either way.
    /// </summary>
    /// <param name="point">The point to test (not range-checked here: see <see cref="QpvLocator.Locate"/>).</param>
    /// <returns><see langword="true"/> when the point is in the contour.</returns>
    public bool Contains(GeoPoint point)
    {
        if (!BoundingBox.Contains(point))
        {
            return false;
        }

        foreach (var polygon in _polygons)
        {
            if (polygon.Contains(point))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Finds the QPV whose official contour contains a point (e.g. the geocoded address of a residence).
/// Pure and thread-safe once built: build it once from the contours and share it.
/// </summary>
/// <remarks>
/// Each contour's bounding box is checked first, then its polygons by even-odd ray casting, holes excluded.
/// A point exactly on a contour edge or vertex may be located in the QPV or not (the official contours are
/// rounded to 1e-4 degree, about 10 m, so the border is not more precise than that anyway). QPV do not
/// overlap; should two contours contain the point, the first one in the order given wins.
/// </remarks>
public sealed class QpvLocator
{
    private readonly QpvContour[] _contours;

    /// <summary>Creates a locator over the given contours (kept in the order given).</summary>
    /// <param name="contours">The contours; several may share a code.</param>
    /// <exception cref="ArgumentException">A contour is null.</exception>
    public QpvLocator(IEnumerable<QpvContour> contours)
    {
        ArgumentNullException.ThrowIfNull(contours);
        _contours = contours.ToArray();
        if (_contours.Any(c => c is null))
        {
            throw new ArgumentException("La liste des contours de QPV contient un élément nul.", nameof(contours));
        }
    }

    /// <summary>The number of contours searched.</summary>
    public int Count => _contours.Length;

    /// <summary>The code of the QPV containing the point, or <see langword="null"/> when it is in none.</summary>
    /// <param name="point">A WGS84 point.</param>
    /// <returns>The QPV code, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Latitude not in [-90, 90] or longitude not in [-180, 180] (or NaN).</exception>
    public string? Locate(GeoPoint point)
    {
        GeoPoint.ThrowIfOutOfRange(point, nameof(point));
        foreach (var contour in _contours)
        {
            if (contour.Contains(point))
            {
                return contour.QpvCode;
            }
        }

        return null;
    }
}
