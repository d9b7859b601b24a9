using System.Globalization;
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
        if (await db.Epcis.AnyAsync(cancellationToken))
        {
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
}
