using System.Text;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Importers;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Domain;
using CilPortal.Tests.Support;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Import;

/// <summary>
/// The CSV importers fed random mutations of valid files: never an exception, and a file with any error writes
/// nothing (the tables they fill keep their row counts).
/// </summary>
public class ImporterPropertyTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    private const int Iterations = 40;

    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public async Task Stock_import_of_a_mutated_file_reports_its_errors_and_writes_nothing_then()
    {
        var bailleurId = await BailleurIdAsync();
        var valid = $"""
            {StockImporter.Header}
            FUZZ-001;Résidence des essais;1 rue des Essais;11262;;43.1836;3.0043;T2;50,5;300;50;PLUS;1;oui;;1998
            FUZZ-002;Résidence des essais;1 rue des Essais;11262;;;;T3;65;350,20;60;PLAI;RDC;non;PMR;2004
            """;
        await CheckAsync(valid, async (scope, file) =>
        {
            var report = await scope.ServiceProvider.GetRequiredService<StockImporter>().ImportAsync(bailleurId, file, Today);
            return report.Errors.Count;
        }, async db => (await db.Dwellings.CountAsync(), await db.Residences.CountAsync()));
    }

    [Fact]
    public async Task Allocation_import_of_a_mutated_file_reports_its_errors_and_writes_nothing_then()
    {
        var bailleurId = await BailleurIdAsync();
        var (dwelling, reservataire, nurs) = await WithDbAsync(async db =>
        {
            var d = await db.Dwellings.Where(x => x.Residence!.BailleurId == bailleurId).OrderBy(x => x.Id).Select(x => x.Reference).FirstAsync();
            var r = await db.Reservataires.OrderBy(x => x.Id).Select(x => x.Name).FirstAsync();
            var n = await db.Demands.Where(x => x.StruckOffOn == null).OrderBy(x => x.Id).Skip(200).Take(3).Select(x => x.Nur).ToListAsync();
            return (d, r, n);
        });
        var valid = $"""
            {AllocationImporter.Header}
            {dwelling};2026-10-01;{reservataire};{nurs[0]};ATTRIBUTION;1;;Candidats trop peu nombreux;;;;
            {dwelling};2026-10-01;{reservataire};{nurs[1]};NON_ATTRIBUTION;;Ressources insuffisantes;;;;;
            """;
        await CheckAsync(valid, async (scope, file) =>
        {
            var report = await scope.ServiceProvider.GetRequiredService<AllocationImporter>().ImportAsync(bailleurId, file);
            return report.Errors.Count;
        }, async db => (await db.Allocations.CountAsync(), await db.CaleolExaminations.CountAsync()));
    }

    [Fact]
    public async Task Event_import_of_a_mutated_file_reports_its_errors_and_writes_nothing_then()
    {
        var nurs = await WithDbAsync(db => db.Demands.Where(x => x.StruckOffOn == null).OrderBy(x => x.Id).Skip(300).Take(2).Select(x => x.Nur).ToListAsync());
        var valid = $"""
            {DemandEventImporter.Header}
            {nurs[0]};2026-11-02;LABEL_PRIORITAIRE;Commission du 2 novembre;
            {nurs[1]};02/11/2026;MISE_A_JOUR;Nouvelle adresse;
            """;
        await CheckAsync(valid, async (scope, file) =>
        {
            var report = await scope.ServiceProvider.GetRequiredService<DemandEventImporter>().ImportAsync(file, Today);
            return report.Errors.Count;
        }, async db => (await db.DemandEvents.CountAsync(), await db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Qpv_list_import_of_a_mutated_file_reports_its_errors_and_writes_nothing_then()
    {
        var valid = $"""
            {QpvImporter.Header}
            QP011991;Quartier des essais;11262
            QP011992;Autre quartier;11069
            """;
        await CheckAsync(valid, async (scope, file) =>
        {
            var report = await scope.ServiceProvider.GetRequiredService<QpvImporter>().ImportListAsync(file);
            return report.Errors.Count;
        }, async db => (await db.Qpvs.CountAsync(), 0));
    }

    /// <summary>For each mutation of <paramref name="valid"/>: import it; with errors, the counts must not move.</summary>
    private async Task CheckAsync(string valid, Func<IServiceScope, Stream, Task<int>> import, Func<CilPortalDbContext, Task<(int, int)>> counts)
    {
        var failures = new List<string>();
        await ParserPropertyTests.Mutated(valid).SampleAsync(async text =>
        {
            var before = await WithDbAsync(counts);
            int errors;
            using (var scope = factory.Services.CreateScope())
            using (var file = new MemoryStream(Encoding.UTF8.GetBytes(text)))
            {
                errors = await import(scope, file);
            }

            var after = await WithDbAsync(counts);
            if (errors > 0 && before != after)
            {
                failures.Add($"{errors} error(s) but the counts moved {before} → {after} for:\n{text}");
            }
        }, iter: Iterations, threads: 1);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private Task<int> BailleurIdAsync() =>
        WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.BailleurAgent1).Select(u => u.BailleurId!.Value).SingleAsync());

    private async Task<T> WithDbAsync<T>(Func<CilPortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CilPortalDbContext>());
    }
}
