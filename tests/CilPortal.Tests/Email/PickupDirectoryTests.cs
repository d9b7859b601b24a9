using CilPortal.Infrastructure.Email;
using CilPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Email;

public class PickupDirectoryTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task Without_an_smtp_server_each_message_becomes_an_eml_file()
    {
        _ = factory.Server;
        var to = $"eml-{Guid.NewGuid():N}@exemple.fr";
        using (var scope = factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue(new EmailMessage(to, "Essai", "Texte", "<p>Texte</p>", "essai"));
            await scope.ServiceProvider.GetRequiredService<CilPortal.Infrastructure.Data.CilPortalDbContext>().SaveChangesAsync();
        }

        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        var folder = Path.Combine(Path.GetTempPath(), "cilportal-test-mail");
        Assert.Contains(Directory.GetFiles(folder, "*.eml"), f => File.ReadAllText(f).Contains(to, StringComparison.Ordinal));
    }
}
