using System.Globalization;
using CilPortal.Domain.Eligibility;
using CilPortal.Domain.Stock;
using CilPortal.Domain.Territory;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Seeding;

/// <summary>Settings of the <c>Territory</c> section: which EPCI this deployment serves.</summary>
public sealed class TerritoryOptions
{
    public const string Section = "Territory";

    /// <summary>SIREN of the EPCI; default CA Le Grand Narbonne.</summary>
    public string EpciSiren { get; set; } = "241100593";
}

/// <summary>Loads the EPCI, its communes and its QPV from the embedded official lists. Idempotent.</summary>
public sealed class ReferenceDataSeeder(CilPortalDbContext db)
{
    public async Task SeedAsync(string epciSiren, CancellationToken cancellationToken = default)
    {
        await SeedIncomeCeilingsAsync(cancellationToken);
        var existing = await db.Epcis.Select(e => e.Siren).ToListAsync(cancellationToken);
        if (existing.Count > 0)
        {
            if (!existing.Contains(epciSiren))
            {
                throw new InvalidOperationException(
                    $"Cette base de données sert l'EPCI de SIREN {string.Join(", ", existing)}, pas {epciSiren} (Territory:EpciSiren). Une base ne sert qu'un EPCI : corrigez la configuration ou utilisez une autre base.");
            }

            await SeedQpvContoursAsync(cancellationToken);
            return;
        }

        var rows = EmbeddedReferenceData.ReadTable(EmbeddedReferenceData.EpciCommunes)
            .Where(r => r["epci_siren"] == epciSiren)
            .ToList();
        if (rows.Count == 0)
        {
            throw new InvalidOperationException($"Aucun EPCI de SIREN {epciSiren} dans la liste officielle embarquée.");
        }

        var epci = new Epci { Siren = epciSiren, Name = rows[0]["epci_nom"] };
        foreach (var row in rows)
        {
            var insee = row["commune_insee"];
            epci.Communes.Add(new Commune { InseeCode = insee, Name = row["commune_nom"], IncomeCeilingZone = ZoneOf(insee) });
        }

        db.Epcis.Add(epci);
        var communeCodes = epci.Communes.Select(c => c.InseeCode).ToHashSet();
        foreach (var row in EmbeddedReferenceData.ReadTable(EmbeddedReferenceData.Qpv2015).Where(r => communeCodes.Contains(r["code_commune"])))
        {
            db.Qpvs.Add(new Qpv
            {
                Code = row["code_qp"],
                Name = row["nom_qp"],
                CommuneInseeCode = row["code_commune"],
                Population = ParseInt(row["pop_mun"]),
                FirstDecileIncomePerUnit = ParseInt(row["disp_d1"]),
                MedianIncomePerUnit = ParseInt(row["disp_q2"]),
                NinthDecileIncomePerUnit = ParseInt(row["disp_d9"]),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await SeedQpvContoursAsync(cancellationToken);
    }

    /// <summary>The official ceilings, once; afterwards the EPCI administrator maintains them.</summary>
    private async Task SeedIncomeCeilingsAsync(CancellationToken cancellationToken)
    {
        if (await db.IncomeCeilingScales.AnyAsync(cancellationToken))
        {
            return;
        }

        db.IncomeCeilingScales.AddRange(ReadIncomeCeilings());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Scales of the embedded table. Left out: a (financing, zone, date) with any of its 7 amounts missing,
    /// amounts before 2002 (in francs), and a scale that fails <see cref="IncomeCeilingScale.Validate"/>
    /// (the source has PLAI 2022 "Paris et communes limitrophes" category 2 = 218 805, a typing error).
    /// </summary>
    public static IReadOnlyList<IncomeCeilingScale> ReadIncomeCeilings()
    {
        var zones = new Dictionary<string, IncomeCeilingZone>
        {
            ["paris_communes_limitrophes"] = IncomeCeilingZone.ParisAndAdjoiningCommunes,
            ["ile_de_france"] = IncomeCeilingZone.RestOfIleDeFrance,
            ["autres_regions"] = IncomeCeilingZone.OtherRegions,
        };
        var scales = new List<IncomeCeilingScale>();
        foreach (var group in EmbeddedReferenceData.ReadTable(EmbeddedReferenceData.IncomeCeilings)
            .GroupBy(r => (r["dispositif"], r["zone"], r["date_effet"])))
        {
            var amounts = group.ToDictionary(r => r["categorie_menage"], r => decimal.Parse(r["plafond_annuel_eur"], CultureInfo.InvariantCulture));
            string[] keys = ["1", "2", "3", "4", "5", "6", "par_personne_supplementaire"];
            if (!keys.All(amounts.ContainsKey) || !zones.TryGetValue(group.Key.Item2, out var zone))
            {
                continue;
            }

            var scale = new IncomeCeilingScale
            {
                Financing = group.Key.Item1 == "PLAI" ? Financing.Plai : Financing.Plus,
                Zone = zone,
                EffectiveFrom = DateOnly.ParseExact(group.Key.Item3, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Category1 = amounts["1"],
                Category2 = amounts["2"],
                Category3 = amounts["3"],
                Category4 = amounts["4"],
                Category5 = amounts["5"],
                Category6 = amounts["6"],
                PerExtraPerson = amounts["par_personne_supplementaire"],
                Reference = group.Select(r => r["reference"]).FirstOrDefault(),
            };
            if (scale.EffectiveFrom.Year >= 2002 && scale.Validate().Count == 0)
            {
                scales.Add(scale);
            }
        }

        return scales;
    }

    /// <summary>
    /// Income-ceiling zone from the département: Paris and its adjoining communes are approximated by
    /// Paris and the petite couronne, the rest of Île-de-France by the grande couronne. An EPCI can
    /// correct a commune's zone in its reference data.
    /// </summary>
    public static IncomeCeilingZone ZoneOf(string inseeCode)
    {
        ArgumentNullException.ThrowIfNull(inseeCode);
        return inseeCode[..2] switch
        {
            "75" or "92" or "93" or "94" => IncomeCeilingZone.ParisAndAdjoiningCommunes,
            "77" or "78" or "91" or "95" => IncomeCeilingZone.RestOfIleDeFrance,
            _ => IncomeCeilingZone.OtherRegions,
        };
    }

    private static int? ParseInt(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Gives each QPV without a contour its official 2015 contour, when the embedded file has it.</summary>
    private async Task SeedQpvContoursAsync(CancellationToken cancellationToken)
    {
        var missing = await db.Qpvs.Where(q => q.ContourGeoJson == null).ToListAsync(cancellationToken);
        if (missing.Count == 0)
        {
            return;
        }

        await using var stream = typeof(QpvContoursReader).Assembly.GetManifestResourceStream(QpvContoursReader.Embedded2015ResourceName)
            ?? throw new InvalidOperationException($"Fichier de référence introuvable : {QpvContoursReader.Embedded2015ResourceName}");
        var geometries = QpvContoursReader.GeometriesByCode(stream);
        foreach (var qpv in missing)
        {
            qpv.ContourGeoJson = geometries.GetValueOrDefault(qpv.Code);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
