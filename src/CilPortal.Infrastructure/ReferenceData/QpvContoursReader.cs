using System.Globalization;
using System.Text.Json;
using CilPortal.Domain.Territory;

namespace CilPortal.Infrastructure.ReferenceData;

/// <summary>
/// Reads QPV contours from a GeoJSON FeatureCollection (RFC 7946): each feature carries the QPV code in
/// <c>properties.code_qp</c> and a <c>Polygon</c> or <c>MultiPolygon</c> geometry whose positions are
/// <c>[longitude, latitude]</c> in WGS84 (CRS84). A third coordinate (altitude) is ignored.
/// </summary>
public static class QpvContoursReader
{
    /// <summary>Manifest name of the embedded 2015 contours of Occitanie (see ReferenceData/README.md).</summary>
    public const string Embedded2015ResourceName = "CilPortal.ReferenceData.qpv_2015_contours.geojson";

    /// <summary>Reads the contours from a GeoJSON stream (UTF-8).</summary>
    /// <param name="geoJson">The GeoJSON FeatureCollection; not closed by this method.</param>
    /// <returns>One contour per feature, in the order of the file.</returns>
    /// <exception cref="FormatException">The text is not JSON, not a FeatureCollection, or a feature is malformed (the message names its index).</exception>
    public static IReadOnlyList<QpvContour> Read(Stream geoJson)
    {
        ArgumentNullException.ThrowIfNull(geoJson);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(geoJson);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Le GeoJSON des contours de QPV n'est pas un JSON valide : {ex.Message}", ex);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    /// <summary>Reads the contours from GeoJSON text.</summary>
    /// <param name="geoJson">The GeoJSON FeatureCollection.</param>
    /// <returns>One contour per feature, in the order of the text.</returns>
    /// <exception cref="FormatException">The text is not JSON, not a FeatureCollection, or a feature is malformed (the message names its index).</exception>
    public static IReadOnlyList<QpvContour> Read(string geoJson)
    {
        ArgumentNullException.ThrowIfNull(geoJson);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(geoJson));
        return Read(stream);
    }

    /// <summary>
    /// Reads the embedded official contours of the 105 QPV of Occitanie (2015 geography). Parses on every call:
    /// keep the result (e.g. in a <see cref="QpvLocator"/>).
    /// </summary>
    /// <returns>The contours, in the order of the file.</returns>
    public static IReadOnlyList<QpvContour> ReadEmbedded2015()
    {
        using var stream = typeof(QpvContoursReader).Assembly.GetManifestResourceStream(Embedded2015ResourceName)
            ?? throw new InvalidOperationException($"Fichier de référence introuvable : {Embedded2015ResourceName}");
        return Read(stream);
    }

    private static List<QpvContour> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String
            || !string.Equals(type.GetString(), "FeatureCollection", StringComparison.Ordinal))
        {
            throw new FormatException("Le GeoJSON des contours de QPV doit être un objet de type « FeatureCollection ».");
        }

        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("Le GeoJSON des contours de QPV n'a pas de tableau « features ».");
        }

        var contours = new List<QpvContour>(features.GetArrayLength());
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            contours.Add(ReadFeature(feature, index));
            index++;
        }

        return contours;
    }

    private static QpvContour ReadFeature(JsonElement feature, int index)
    {
        if (feature.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(index, "ce n'est pas un objet JSON");
        }

        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || !properties.TryGetProperty("code_qp", out var codeElement) || codeElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(codeElement.GetString()))
        {
            throw Malformed(index, "la propriété « code_qp » manque ou est vide");
        }

        var code = codeElement.GetString()!.Trim();
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(index, code, "la géométrie manque");
        }

        return ReadGeometry(geometry, index, code);
    }

    /// <summary>Reads one QPV's contour stored as a GeoJSON geometry (Polygon or MultiPolygon).</summary>
    public static QpvContour ReadGeometry(string qpvCode, string geometryJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(qpvCode);
        ArgumentNullException.ThrowIfNull(geometryJson);
        try
        {
            using var document = JsonDocument.Parse(geometryJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? ReadGeometry(document.RootElement, 0, qpvCode)
                : throw Malformed(0, qpvCode, "la géométrie n'est pas un objet JSON");
        }
        catch (JsonException exception)
        {
            throw new FormatException($"Contour du QPV {qpvCode} : ce n'est pas du JSON valide ({exception.Message}).", exception);
        }
    }

    /// <summary>A locator over stored contours (code, GeoJSON geometry); null when there is none.</summary>
    public static QpvLocator? Locator(IEnumerable<(string Code, string GeometryJson)> contours)
    {
        ArgumentNullException.ThrowIfNull(contours);
        var read = contours.Select(c => ReadGeometry(c.Code, c.GeometryJson)).ToList();
        return read.Count == 0 ? null : new QpvLocator(read);
    }

    /// <summary>The raw GeoJSON geometry of each feature of a collection, by QPV code, to store with the QPV.</summary>
    public static IReadOnlyDictionary<string, string> GeometriesByCode(Stream geoJson)
    {
        ArgumentNullException.ThrowIfNull(geoJson);
        using var document = JsonDocument.Parse(geoJson);
        var geometries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!document.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            return geometries;
        }

        foreach (var feature in features.EnumerateArray())
        {
            if (feature.TryGetProperty("properties", out var properties) && properties.TryGetProperty("code_qp", out var code) && code.ValueKind == JsonValueKind.String
                && feature.TryGetProperty("geometry", out var geometry) && geometry.ValueKind == JsonValueKind.Object)
            {
                geometries[code.GetString()!.Trim()] = geometry.GetRawText();
            }
        }

        return geometries;
    }

    private static QpvContour ReadGeometry(JsonElement geometry, int index, string code)
    {
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw Malformed(index, code, "la géométrie n'a pas de tableau « coordinates »");
        }

        var geometryType = geometry.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String
            ? typeElement.GetString()
            : null;
        var polygons = geometryType switch
        {
            "Polygon" => [ReadPolygon(coordinates, index, code)],
            "MultiPolygon" => coordinates.EnumerateArray().Select(p => ReadPolygon(p, index, code)).ToList(),
            _ => throw Malformed(index, code, $"type de géométrie « {geometryType} » non pris en charge (Polygon ou MultiPolygon attendu)"),
        };

        if (polygons.Count == 0)
        {
            throw Malformed(index, code, "le MultiPolygon ne contient aucun polygone");
        }

        return new QpvContour(code, polygons);
    }

    private static QpvPolygon ReadPolygon(JsonElement rings, int index, string code)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
        {
            throw Malformed(index, code, "un polygone doit être un tableau non vide d'anneaux");
        }

        var all = rings.EnumerateArray().Select(r => ReadRing(r, index, code)).ToList();
        return new QpvPolygon(all[0], all.Skip(1));
    }

    private static GeoPoint[] ReadRing(JsonElement ring, int index, string code)
    {
        if (ring.ValueKind != JsonValueKind.Array)
        {
            throw Malformed(index, code, "un anneau doit être un tableau de positions");
        }

        var points = ring.EnumerateArray().Select(p => ReadPosition(p, index, code)).ToArray();
        if (points.Length < 4)
        {
            throw Malformed(index, code, $"un anneau doit compter au moins 4 positions (il en a {points.Length})");
        }

        if (points[0] != points[^1])
        {
            throw Malformed(index, code, "un anneau doit être fermé (dernière position égale à la première)");
        }

        return points;
    }

    private static GeoPoint ReadPosition(JsonElement position, int index, string code)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number
            || !position[0].TryGetDouble(out var longitude) || !position[1].TryGetDouble(out var latitude))
        {
            throw Malformed(index, code, "une position doit être un tableau [longitude, latitude] de nombres");
        }

        if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180))
        {
            throw Malformed(
                index,
                code,
                string.Create(CultureInfo.InvariantCulture, $"la position [{longitude}, {latitude}] n'est pas en degrés WGS84 [longitude, latitude]"));
        }

        return new GeoPoint(latitude, longitude);
    }

    private static FormatException Malformed(int index, string detail) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Contours de QPV : l'entité n° {index} (features[{index}], numérotée à partir de 0) est mal formée : {detail}."));

    private static FormatException Malformed(int index, string code, string detail) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Contours de QPV : l'entité n° {index} (features[{index}], numérotée à partir de 0, {code}) est mal formée : {detail}."));
}
