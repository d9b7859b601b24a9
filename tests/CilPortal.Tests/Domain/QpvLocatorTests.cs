using CilPortal.Domain.Territory;
using CilPortal.Infrastructure.ReferenceData;

namespace CilPortal.Tests.Domain;

public class QpvLocatorTests
{
    private static readonly Lazy<QpvLocator> Occitanie2015 = new(() => new QpvLocator(QpvContoursReader.ReadEmbedded2015()));

    /// <summary>A closed ring from (latitude, longitude) pairs.</summary>
    private static GeoPoint[] Ring(params (double Lat, double Lon)[] vertices) =>
        [.. vertices.Select(v => new GeoPoint(v.Lat, v.Lon)), new GeoPoint(vertices[0].Lat, vertices[0].Lon)];

    private static GeoPoint[] Square(double south, double west, double north, double east) =>
        Ring((south, west), (south, east), (north, east), (north, west));

    /// <summary>A 10° square with a 4° square hole in its middle.</summary>
    private static QpvLocator SquareWithHole() =>
        new([new QpvContour("QP000001", [new QpvPolygon(Square(0, 0, 10, 10), [Square(3, 3, 7, 7)])])]);

    [Fact]
    public void A_point_inside_the_square_and_outside_its_hole_is_in_the_qpv() =>
        Assert.Equal("QP000001", SquareWithHole().Locate(new GeoPoint(1, 1)));

    [Fact]
    public void A_point_in_the_hole_is_not_in_the_qpv() =>
        Assert.Null(SquareWithHole().Locate(new GeoPoint(5, 5)));

    [Theory]
    [InlineData(11, 5)] // north
    [InlineData(-1, 5)] // south
    [InlineData(5, 11)] // east
    [InlineData(5, -1)] // west
    public void A_point_outside_the_square_is_in_no_qpv(double latitude, double longitude) =>
        Assert.Null(SquareWithHole().Locate(new GeoPoint(latitude, longitude)));

    [Fact]
    public void Every_polygon_of_a_multipolygon_belongs_to_the_qpv_but_not_the_gap_between_them()
    {
        var twoSquares = new QpvContour("QP000002", [new QpvPolygon(Square(0, 0, 1, 1)), new QpvPolygon(Square(0, 2, 1, 3))]);
        var locator = new QpvLocator([twoSquares, new QpvContour("QP000003", [new QpvPolygon(Square(5, 5, 6, 6))])]);

        Assert.Equal("QP000002", locator.Locate(new GeoPoint(0.5, 0.5)));
        Assert.Equal("QP000002", locator.Locate(new GeoPoint(0.5, 2.5)));
        Assert.Null(locator.Locate(new GeoPoint(0.5, 1.5))); // inside the multipolygon's bounding box, between its polygons
        Assert.Equal("QP000003", locator.Locate(new GeoPoint(5.5, 5.5)));
        Assert.Equal(new GeoBoundingBox(0, 0, 1, 3), twoSquares.BoundingBox);
    }

    [Fact]
    public void The_notch_of_a_concave_polygon_is_outside_though_inside_its_bounding_box()
    {
        // A "U": the notch between the arms (latitude 2..4, longitude 1..2) is not part of the polygon.
        var u = Ring((0, 0), (0, 3), (4, 3), (4, 2), (2, 2), (2, 1), (4, 1), (4, 0));
        var locator = new QpvLocator([new QpvContour("QP000004", [new QpvPolygon(u)])]);

        Assert.Null(locator.Locate(new GeoPoint(3, 1.5)));
        Assert.Equal("QP000004", locator.Locate(new GeoPoint(3, 0.5)));
        Assert.Equal("QP000004", locator.Locate(new GeoPoint(3, 2.5)));
        Assert.Equal("QP000004", locator.Locate(new GeoPoint(1, 1.5)));
    }

    [Fact]
    public void A_ray_passing_through_a_vertex_is_counted_once()
    {
        // A diamond: the eastward ray from its centre goes exactly through the vertex (0, 1).
        var diamond = Ring((1, 0), (0, 1), (-1, 0), (0, -1));
        var locator = new QpvLocator([new QpvContour("QP000005", [new QpvPolygon(diamond)])]);

        Assert.Equal("QP000005", locator.Locate(new GeoPoint(0, 0)));
        Assert.Null(locator.Locate(new GeoPoint(0, -1.5))); // west of the diamond, the ray crosses it twice through two vertices
    }

    [Fact]
    public void An_open_ring_is_closed_implicitly()
    {
        GeoPoint[] open = [new(0, 0), new(0, 10), new(10, 10), new(10, 0)];
        var locator = new QpvLocator([new QpvContour("QP000006", [new QpvPolygon(open)])]);

        Assert.Equal("QP000006", locator.Locate(new GeoPoint(5, 5)));
        Assert.Null(locator.Locate(new GeoPoint(5, 11)));
    }

    [Theory]
    [InlineData(90.000001, 0)]
    [InlineData(-91, 0)]
    [InlineData(0, 180.5)]
    [InlineData(0, -181)]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.NaN)]
    [InlineData(double.PositiveInfinity, 0)]
    public void Coordinates_out_of_the_wgs84_range_are_refused(double latitude, double longitude) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SquareWithHole().Locate(new GeoPoint(latitude, longitude)));

    [Theory]
    [InlineData(90, 180)]
    [InlineData(-90, -180)]
    public void The_bounds_of_the_wgs84_range_are_accepted(double latitude, double longitude) =>
        Assert.Null(SquareWithHole().Locate(new GeoPoint(latitude, longitude)));

    [Fact]
    public void A_contour_vertex_out_of_range_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new QpvPolygon(Ring((0, 0), (0, 200), (1, 0))));

    [Fact]
    public void A_ring_of_fewer_than_three_vertices_is_refused() =>
        Assert.Throws<ArgumentException>(() => new QpvPolygon([new GeoPoint(0, 0), new GeoPoint(1, 1)]));

    [Fact]
    public void The_embedded_2015_contours_hold_the_105_qpv_of_occitanie_with_the_three_of_narbonne()
    {
        var contours = QpvContoursReader.ReadEmbedded2015();

        Assert.Equal(105, contours.Count);
        Assert.Equal(105, contours.Select(c => c.QpvCode).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(contours, c => c.QpvCode == "QP011007");
        Assert.Contains(contours, c => c.QpvCode == "QP011008");
        Assert.Contains(contours, c => c.QpvCode == "QP011009");
    }

    /// <summary>
    /// Points chosen on the 1e-4° grid of the contours as far as possible from every edge of their QPV
    /// (130 to 180 m inside), checked beforehand with an independent ray-casting computation on the file.
    /// </summary>
    [Theory]
    [InlineData(43.1833, 2.9794, "QP011007")] // Narbonne Ouest (its area centroid falls outside: the polygon is concave)
    [InlineData(43.1853, 3.0060, "QP011008")] // Narbonne Centre
    [InlineData(43.1937, 3.0147, "QP011009")] // Narbonne Est
    public void A_point_well_inside_a_narbonne_qpv_is_located_in_it(double latitude, double longitude, string code) =>
        Assert.Equal(code, Occitanie2015.Value.Locate(new GeoPoint(latitude, longitude)));

    [Theory]
    [InlineData(43.15, 3.16)] // the beach at Narbonne-Plage
    [InlineData(43.1870, 2.9965)] // inside the bounding box of Narbonne Centre, about 300 m from its contour
    public void A_point_of_narbonne_outside_the_qpv_is_in_none(double latitude, double longitude) =>
        Assert.Null(Occitanie2015.Value.Locate(new GeoPoint(latitude, longitude)));

    [Fact]
    public void The_reader_takes_holes_and_multipolygons()
    {
        const string geoJson = """
            {
              "type": "FeatureCollection",
              "features": [
                { "type": "Feature", "properties": { "code_qp": "QP000010", "nom_qp": "Anneau" },
                  "geometry": { "type": "Polygon", "coordinates": [
                    [ [0, 0], [10, 0], [10, 10], [0, 10], [0, 0] ],
                    [ [3, 3], [7, 3], [7, 7], [3, 7], [3, 3] ] ] } },
                { "type": "Feature", "properties": { "code_qp": "QP000011" },
                  "geometry": { "type": "MultiPolygon", "coordinates": [
                    [ [ [20, 0], [21, 0], [21, 1], [20, 1], [20, 0] ] ],
                    [ [ [30, 0], [31, 0], [31, 1], [30, 1], [30, 0, 12.5] ] ] ] } }
              ]
            }
            """;

        var contours = QpvContoursReader.Read(geoJson);
        var locator = new QpvLocator(contours);

        Assert.Equal(2, contours.Count);
        Assert.Single(contours[0].Polygons[0].Holes);
        Assert.Equal(2, contours[1].Polygons.Count);
        Assert.Equal(new GeoPoint(0, 10), contours[0].Polygons[0].OuterRing[1]); // [lon, lat] read as latitude 0, longitude 10
        Assert.Equal("QP000010", locator.Locate(new GeoPoint(1, 5)));
        Assert.Null(locator.Locate(new GeoPoint(5, 5)));
        Assert.Equal("QP000011", locator.Locate(new GeoPoint(0.5, 20.5)));
        Assert.Equal("QP000011", locator.Locate(new GeoPoint(0.5, 30.5)));
        Assert.Null(locator.Locate(new GeoPoint(0.5, 25)));
    }

    [Fact]
    public void The_reader_takes_a_stream_and_an_empty_collection()
    {
        using var stream = new MemoryStream("""{ "type": "FeatureCollection", "features": [] }"""u8.ToArray());

        Assert.Empty(QpvContoursReader.Read(stream));
    }

    [Theory]
    [InlineData("""{ "type": "FeatureCollection", "features": [ """)] // truncated JSON
    [InlineData("""[]""")]
    [InlineData("""{ "type": "Feature", "features": [] }""")]
    [InlineData("""{ "type": "FeatureCollection" }""")]
    public void The_reader_rejects_a_document_that_is_not_a_feature_collection(string geoJson) =>
        Assert.Throws<FormatException>(() => QpvContoursReader.Read(geoJson));

    [Theory]
    [InlineData("""{ "properties": { "nom_qp": "x" }, "geometry": { "type": "Polygon", "coordinates": [ [ [0, 0], [1, 0], [1, 1], [0, 0] ] ] } }""")] // no code_qp
    [InlineData("""{ "properties": { "code_qp": "QP000021" }, "geometry": null }""")]
    [InlineData("""{ "properties": { "code_qp": "QP000021" }, "geometry": { "type": "Point", "coordinates": [0, 0] } }""")]
    [InlineData("""{ "properties": { "code_qp": "QP000021" }, "geometry": { "type": "Polygon", "coordinates": [ [ [0, 0], [1, 0], [1, 1], [0, 1] ] ] } }""")] // ring not closed
    [InlineData("""{ "properties": { "code_qp": "QP000021" }, "geometry": { "type": "Polygon", "coordinates": [ [ [0, 0], [1, 0], [0, 0] ] ] } }""")] // ring too short
    [InlineData("""{ "properties": { "code_qp": "QP000021" }, "geometry": { "type": "Polygon", "coordinates": [] } }""")] // no ring
    [InlineData("""{ "properties": { "code_qp": "QP000021" }, "geometry": { "type": "Polygon", "coordinates": [ [ ["0", "0"], [1, 0], [1, 1], ["0", "0"] ] ] } }""")]
    [InlineData("""{ "properties": { "code_qp": "QP000021" }, "geometry": { "type": "Polygon", "coordinates": [ [ [652000, 6862000], [652100, 6862000], [652100, 6862100], [652000, 6862000] ] ] } }""")] // Lambert-93, not degrees
    [InlineData("""{ "properties": { "code_qp": "QP000021" }, "geometry": { "type": "MultiPolygon", "coordinates": [] } }""")]
    public void The_reader_rejects_a_malformed_feature_naming_its_index(string secondFeature)
    {
        var geoJson = $$"""
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "code_qp": "QP000020" }, "geometry": { "type": "Polygon", "coordinates": [ [ [0, 0], [1, 0], [1, 1], [0, 0] ] ] } },
              {{secondFeature}}
            ] }
            """;

        var error = Assert.Throws<FormatException>(() => QpvContoursReader.Read(geoJson));

        Assert.Contains("features[1]", error.Message, StringComparison.Ordinal);
    }
}
