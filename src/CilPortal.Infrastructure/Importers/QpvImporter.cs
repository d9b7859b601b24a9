using System.Text.Json;
using System.Text.RegularExpressions;
using CilPortal.Domain.Territory;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Importers;

/// <summary>The outcome of an import of the QPV list; <see cref="Kept"/> are the codes absent from the file, left in place.</summary>
public sealed record QpvImportReport(int Read, int Created, int Updated, IReadOnlyList<string> Kept, IReadOnlyList<ImportLineError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>The outcome of an import of QPV contours (GeoJSON).</summary>
public sealed record QpvContoursImportReport(int Read, int Updated, IReadOnlyList<ImportLineError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports the EPCI's priority neighbourhoods (QPV): the list as CSV (UTF-8, «;», header <see cref="Header"/>),
/// and their contours as a GeoJSON FeatureCollection whose features carry the code in the property
/// <see cref="CodeProperty"/>. Every line or feature is checked first; a file with any error changes nothing and
/// the report names each one. A known code is updated, a new one inserted; a QPV absent from the file is kept,
/// since residences, sectors and allocations may refer to it.
/// </summary>
public sealed partial class QpvImporter(CilPortalDbContext db, ILogger<QpvImporter> logger)
{
    public const string Header = "code;nom;commune";

    /// <summary>The feature property holding the QPV code, as in the official files.</summary>
    public const string CodeProperty = "code_qp";

    private sealed record Line(int Number, string Code, string Name, string CommuneInseeCode);

    /// <summary>Imports the QPV list.</summary>
    public async Task<QpvImportReport> ImportListAsync(Stream file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var communes = (await db.Communes.AsNoTracking().Select(c => c.InseeCode).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var errors = new List<ImportLineError>();
        var lines = new List<Line>();
        if (CsvImportFile.Read(file, Header, record => Parse(record, communes, errors), lines) is { } headerError)
        {
            return new QpvImportReport(0, 0, 0, [], [headerError]);
        }

        if (lines.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportLineError(1, null, "fichier", "le fichier ne contient aucun QPV."));
        }

        foreach (var duplicate in lines.GroupBy(l => l.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var line in duplicate.Skip(1))
            {
                errors.Add(new ImportLineError(line.Number, line.Code, "code", $"le code figure déjà ligne {duplicate.First().Number}."));
            }
        }

        if (errors.Count > 0)
        {
            logger.LogWarning("Import de la liste des QPV refusé : {Errors} erreur(s).", errors.Count);
            return new QpvImportReport(lines.Count, 0, 0, [], [.. errors.OrderBy(e => e.Line)]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Qpvs.ToDictionaryAsync(q => q.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        int created = 0, updated = 0;
        foreach (var line in lines)
        {
            if (existing.TryGetValue(line.Code, out var qpv))
            {
                updated++;
            }
            else
            {
                qpv = new Qpv { Code = line.Code };
                db.Qpvs.Add(qpv);
                created++;
            }

            qpv.Name = line.Name;
            qpv.CommuneInseeCode = line.CommuneInseeCode;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var inFile = lines.Select(l => l.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = existing.Keys.Where(c => !inFile.Contains(c)).Order(StringComparer.Ordinal).ToList();
        logger.LogInformation("Import de la liste des QPV : {Created} créé(s), {Updated} mis à jour, {Kept} conservé(s).", created, updated, kept.Count);
        return new QpvImportReport(lines.Count, created, updated, kept, []);
    }

    /// <summary>Imports contours: each feature's geometry becomes its QPV's <see cref="Qpv.ContourGeoJson"/>.</summary>
    public async Task<QpvContoursImportReport> ImportContoursAsync(Stream file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(file, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return new QpvContoursImportReport(0, 0, [FileError("le fichier n'est pas un JSON valide : attendu un GeoJSON de type « FeatureCollection » (UTF-8).")]);
        }

        var known = (await db.Qpvs.AsNoTracking().Select(q => q.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var errors = new List<ImportLineError>();
        var geometries = new Dictionary<string, (int Number, string Geometry)>(StringComparer.OrdinalIgnoreCase);
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !string.Equals(type.GetString(), "FeatureCollection", StringComparison.Ordinal)
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                return new QpvContoursImportReport(0, 0, [FileError("le GeoJSON doit être un objet de type « FeatureCollection » avec un tableau « features ».")]);
            }

            var number = 0;
            foreach (var feature in features.EnumerateArray())
            {
                number++;
                ReadFeature(feature, number, known, geometries, errors);
            }

            if (number == 0)
            {
                errors.Add(FileError("le fichier ne contient aucune entité."));
            }
        }

        if (errors.Count > 0)
        {
            logger.LogWarning("Import des contours de QPV refusé : {Errors} erreur(s).", errors.Count);
            return new QpvContoursImportReport(geometries.Count, 0, [.. errors.OrderBy(e => e.Line)]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var qpvs = await db.Qpvs.ToListAsync(cancellationToken);
        var updated = 0;
        foreach (var qpv in qpvs)
        {
            if (geometries.TryGetValue(qpv.Code, out var geometry))
            {
                qpv.ContourGeoJson = geometry.Geometry;
                updated++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Import des contours de QPV : {Updated} contour(s) mis à jour.", updated);
        return new QpvContoursImportReport(geometries.Count, updated, []);
    }

    private static void ReadFeature(JsonElement feature, int number, HashSet<string> known, Dictionary<string, (int Number, string Geometry)> geometries, List<ImportLineError> errors)
    {
        void Error(string? key, string column, string message) => errors.Add(new ImportLineError(number, key, column, message) { Unit = "Entité" });

        if (feature.ValueKind != JsonValueKind.Object
            || !feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || !properties.TryGetProperty(CodeProperty, out var codeElement) || codeElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(codeElement.GetString()))
        {
            Error(null, CodeProperty, $"la propriété « {CodeProperty} » manque ou est vide.");
            return;
        }

        var code = codeElement.GetString()!.Trim().ToUpperInvariant();
        var before = errors.Count;
        if (!known.Contains(code))
        {
            Error(code, CodeProperty, "ce QPV n'est pas dans la liste des QPV du territoire : importez d'abord la liste.");
        }
        else if (geometries.TryGetValue(code, out var first))
        {
            Error(code, CodeProperty, $"ce QPV figure déjà à l'entité {first.Number}.");
        }

        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            Error(code, "geometry", "la géométrie manque (Polygon ou MultiPolygon attendu).");
            return;
        }

        var raw = geometry.GetRawText();
        try
        {
            QpvContoursReader.ReadGeometry(code, raw);
        }
        catch (FormatException exception)
        {
            Error(code, "geometry", Detail(exception.Message));
        }

        if (errors.Count == before)
        {
            geometries[code] = (number, raw);
        }
    }

    /// <summary>The reader's explanation without its own numbering (which counts from 0 within one geometry).</summary>
    private static string Detail(string message)
    {
        const string marker = "est mal formée : ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? message : message[(at + marker.Length)..];
    }

    private static ImportLineError FileError(string message) => new(0, null, "format", message) { Unit = "Fichier" };

    private static Line? Parse(CsvRecord record, HashSet<string> communes, List<ImportLineError> errors)
    {
        var f = record.Fields;
        var n = record.LineNumber;
        if (f.Count != 3)
        {
            errors.Add(new ImportLineError(n, null, "colonnes", $"3 colonnes attendues séparées par « ; », {f.Count} trouvée(s)."));
            return null;
        }

        var before = errors.Count;
        var code = f[0].Trim().ToUpperInvariant();
        var key = code.Length == 0 ? null : code;
        void Error(string column, string message) => errors.Add(new ImportLineError(n, key, column, message));

        if (!CodePattern().IsMatch(code))
        {
            Error("code", "code QPV attendu : QP suivi de 3 chiffres ou lettres (département) et de 3 chiffres, par exemple QP011008.");
        }

        var name = f[1].Trim();
        if (name.Length is 0 or > 150)
        {
            Error("nom", "le nom du quartier est obligatoire (150 caractères au plus).");
        }

        var commune = f[2].Trim();
        if (!communes.Contains(commune))
        {
            Error("commune", $"« {commune} » n'est pas le code INSEE d'une commune de l'intercommunalité.");
        }

        return errors.Count == before ? new Line(n, code, name, commune) : null;
    }

    [GeneratedRegex("^QP[0-9A-Z]{3}[0-9]{3}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
