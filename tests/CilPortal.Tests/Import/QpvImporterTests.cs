using System.Text;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Importers;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Import;

public class QpvImporterTests
{
    private const string Square = """{ "type": "Polygon", "coordinates": [ [ [3.0, 43.18], [3.01, 43.18], [3.01, 43.19], [3.0, 43.19], [3.0, 43.18] ] ] }""";

    [Fact]
    public async Task A_list_updates_known_codes_inserts_new_ones_and_keeps_the_qpv_absent_from_the_file()
    {
        using var factory = new CilPortalWebFactory();
        var before = await WithDbAsync(factory, db => db.Qpvs.Select(q => q.Code).ToListAsync());
        Assert.Contains("QP011008", before);

        var report = await ImportListAsync(factory, """
            code;nom;commune
            QP011008;Narbonne Cœur de ville;11262
            qp011999;Nouveau quartier;11262
            """);

        Assert.True(report.Succeeded, string.Join(" | ", report.Errors));
        Assert.Equal((2, 1, 1), (report.Read, report.Created, report.Updated));
        Assert.Equal(before.Where(c => c != "QP011008").Order(StringComparer.Ordinal), report.Kept);
        var qpvs = await WithDbAsync(factory, db => db.Qpvs.AsNoTracking().ToDictionaryAsync(q => q.Code));
        Assert.Equal(("Narbonne Cœur de ville", "11262"), (qpvs["QP011008"].Name, qpvs["QP011008"].CommuneInseeCode));
        Assert.NotNull(qpvs["QP011008"].ContourGeoJson);
        Assert.Equal(("Nouveau quartier", "11262"), (qpvs["QP011999"].Name, qpvs["QP011999"].CommuneInseeCode));
        Assert.Equal(before.Count + 1, qpvs.Count);
    }

    [Fact]
    public async Task A_list_with_bad_lines_writes_nothing_and_names_every_line()
    {
        using var factory = new CilPortalWebFactory();
        var before = await WithDbAsync(factory, db => db.Qpvs.AsNoTracking().OrderBy(q => q.Code).Select(q => q.Code + q.Name + q.CommuneInseeCode).ToListAsync());

        var report = await ImportListAsync(factory, """
            code;nom;commune
            QP011008;Nom changé;11262
            XX011001;Mauvais code;11262
            QP011010;;11069
            QP011008;Doublon;11262
            trop;de;colonnes;ici
            """);

        Assert.False(report.Succeeded);
        Assert.Equal(
            ["Ligne 3 (XX011001), code", "Ligne 4 (QP011010), nom", "Ligne 4 (QP011010), commune", "Ligne 5 (QP011008), code", "Ligne 6, colonnes"],
            report.Errors.Select(e => e.ToString()[..e.ToString().IndexOf(" :", StringComparison.Ordinal)]));
        Assert.Contains("n'est pas le code INSEE d'une commune de l'intercommunalité", report.Errors[2].Message, StringComparison.Ordinal);
        Assert.Equal(before, await WithDbAsync(factory, db => db.Qpvs.AsNoTracking().OrderBy(q => q.Code).Select(q => q.Code + q.Name + q.CommuneInseeCode).ToListAsync()));
        Assert.Equal("en-tête", (await ImportListAsync(factory, "code,nom,commune\nQP011008,x,11262")).Errors.Single().Column);
    }

    [Fact]
    public async Task Contours_replace_the_geometry_of_known_qpv_only()
    {
        using var factory = new CilPortalWebFactory();

        var report = await ImportContoursAsync(factory, Collection(Feature("QP011008", Square)));

        Assert.True(report.Succeeded, string.Join(" | ", report.Errors));
        Assert.Equal((1, 1), (report.Read, report.Updated));
        var contour = await WithDbAsync(factory, db => db.Qpvs.Where(q => q.Code == "QP011008").Select(q => q.ContourGeoJson).SingleAsync());
        Assert.Equal(Square, contour);
        Assert.NotNull(await WithDbAsync(factory, db => db.Qpvs.Where(q => q.Code == "QP011007").Select(q => q.ContourGeoJson).SingleAsync()));
    }

    [Fact]
    public async Task Contours_with_unknown_codes_or_bad_geometries_write_nothing_and_name_each_feature()
    {
        using var factory = new CilPortalWebFactory();
        var before = await WithDbAsync(factory, db => db.Qpvs.Where(q => q.Code == "QP011008").Select(q => q.ContourGeoJson).SingleAsync());

        var report = await ImportContoursAsync(factory, Collection(
            Feature("QP011008", Square),
            Feature("QP099999", Square),
            Feature("QP011007", """{ "type": "Point", "coordinates": [3.0, 43.18] }"""),
            Feature("QP011009", """{ "type": "Polygon", "coordinates": [ [ [3.0, 43.18], [3.01, 43.18], [3.0, 43.18] ] ] }"""),
            """{ "type": "Feature", "properties": { "nom": "sans code" }, "geometry": null }""",
            Feature("QP011008", Square)));

        Assert.False(report.Succeeded);
        Assert.Equal(
            ["Entité 2 (QP099999), code_qp", "Entité 3 (QP011007), geometry", "Entité 4 (QP011009), geometry", "Entité 5, code_qp", "Entité 6 (QP011008), code_qp"],
            report.Errors.Select(e => e.ToString()[..e.ToString().IndexOf(" :", StringComparison.Ordinal)]));
        Assert.Contains("Polygon ou MultiPolygon", report.Errors[1].Message, StringComparison.Ordinal);
        Assert.Equal(before, await WithDbAsync(factory, db => db.Qpvs.Where(q => q.Code == "QP011008").Select(q => q.ContourGeoJson).SingleAsync()));
    }

    [Theory]
    [InlineData("ceci n'est pas du JSON")]
    [InlineData("""{ "type": "Feature" }""")]
    [InlineData("[]")]
    public async Task A_contours_file_that_is_not_a_feature_collection_is_refused_with_a_french_message(string content)
    {
        using var factory = new CilPortalWebFactory();

        var report = await ImportContoursAsync(factory, content);

        Assert.StartsWith("Fichier, format : le ", report.Errors.Single().ToString(), StringComparison.Ordinal);
    }

    private static string Feature(string code, string geometry) =>
        $$"""{ "type": "Feature", "properties": { "code_qp": "{{code}}" }, "geometry": {{geometry}} }""";

    private static string Collection(params string[] features) =>
        $$"""{ "type": "FeatureCollection", "features": [ {{string.Join(", ", features)}} ] }""";

    private static async Task<QpvImportReport> ImportListAsync(CilPortalWebFactory factory, string csv)
    {
        using var scope = factory.Services.CreateScope();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await scope.ServiceProvider.GetRequiredService<QpvImporter>().ImportListAsync(stream);
    }

    private static async Task<QpvContoursImportReport> ImportContoursAsync(CilPortalWebFactory factory, string geoJson)
    {
        using var scope = factory.Services.CreateScope();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(geoJson));
        return await scope.ServiceProvider.GetRequiredService<QpvImporter>().ImportContoursAsync(stream);
    }

    private static async Task<T> WithDbAsync<T>(CilPortalWebFactory factory, Func<CilPortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CilPortalDbContext>());
    }
}
