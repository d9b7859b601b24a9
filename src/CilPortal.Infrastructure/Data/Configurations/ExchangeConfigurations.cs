using CilPortal.Domain.Exchanges;
using CilPortal.Domain.Partners;
using CilPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CilPortal.Infrastructure.Data.Configurations;

internal sealed class ExchangeMemberConfiguration : IEntityTypeConfiguration<ExchangeMember>
{
    public void Configure(EntityTypeBuilder<ExchangeMember> builder)
    {
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId).IsUnique();
        builder.HasOne<Bailleur>().WithMany().HasForeignKey(m => m.BailleurId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Residence).WithMany().HasForeignKey(m => m.ResidenceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.TenantReference).HasMaxLength(40);
        builder.Property(m => m.Pseudonym).HasMaxLength(40);
        builder.HasIndex(m => m.Pseudonym).IsUnique();
        builder.Property(m => m.ContactName).HasMaxLength(100);
        builder.Property(m => m.ContactPhone).HasMaxLength(20);
        builder.Property(m => m.RefusalNote).HasMaxLength(500);
        builder.Property(m => m.PauseReason).HasMaxLength(300);
        builder.Property(m => m.ReviewedByUserId).HasMaxLength(450);
        builder.Ignore(m => m.IsActive);
        builder.HasIndex(m => new { m.BailleurId, m.Status });
    }
}

internal sealed class ExchangeListingConfiguration : IEntityTypeConfiguration<ExchangeListing>
{
    public void Configure(EntityTypeBuilder<ExchangeListing> builder)
    {
        builder.HasOne(l => l.Member).WithMany().HasForeignKey(l => l.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.MemberId).IsUnique();
        builder.Property(l => l.Typology).HasConversion<int>();
        builder.Property(l => l.Description).HasMaxLength(ExchangeListingRules.MaxDescriptionLength);
        builder.Property(l => l.WantedCommunes).HasMaxLength(400).IsUnicode(false);
        builder.Property(l => l.ModerationNote).HasMaxLength(500);
        builder.Ignore(l => l.WantedCommuneCodes);
        builder.Ignore(l => l.OfferedFeatures);
        builder.HasMany(l => l.Photos).WithOne().HasForeignKey(p => p.ListingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.Status, l.Typology });

        // The search's order (newest first): the first page reads 20 entries of the index instead of sorting every listing.
        builder.HasIndex(l => new { l.Status, l.PublishedAt, l.Id });

        // The search's count (up to 1,001 published listings, each checked against its member): read from this index
        // alone instead of a row of the table per listing, 4 ms down to 0.3 ms on 50,000 listings (issue #11).
        builder.HasIndex(l => new { l.Status, l.MemberId });
    }
}

internal sealed class ListingPhotoConfiguration : IEntityTypeConfiguration<ListingPhoto>
{
    public void Configure(EntityTypeBuilder<ListingPhoto> builder)
    {
        builder.Property(p => p.ContentType).HasMaxLength(30).IsUnicode(false);
        builder.HasIndex(p => new { p.ListingId, p.Position });
    }
}

internal sealed class ExchangeFavouriteConfiguration : IEntityTypeConfiguration<ExchangeFavourite>
{
    public void Configure(EntityTypeBuilder<ExchangeFavourite> builder)
    {
        builder.HasKey(f => new { f.MemberId, f.ListingId });
        builder.HasOne<ExchangeMember>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ExchangeListing>().WithMany().HasForeignKey(f => f.ListingId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class ListingReportConfiguration : IEntityTypeConfiguration<ListingReport>
{
    public void Configure(EntityTypeBuilder<ListingReport> builder)
    {
        builder.HasOne<ExchangeListing>().WithMany().HasForeignKey(r => r.ListingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ExchangeMember>().WithMany().HasForeignKey(r => r.ReporterMemberId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(r => r.Comment).HasMaxLength(1000);
        builder.Property(r => r.HandledByUserId).HasMaxLength(450);
        builder.HasIndex(r => new { r.ListingId, r.Status });
    }
}

internal sealed class ExchangeProposalConfiguration : IEntityTypeConfiguration<ExchangeProposal>
{
    public void Configure(EntityTypeBuilder<ExchangeProposal> builder)
    {
        builder.Property(p => p.ClosingReason).HasMaxLength(500);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Participants).WithOne().HasForeignKey(p => p.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Messages).WithOne().HasForeignKey(m => m.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.Status, p.CreatedAt });
    }
}

internal sealed class ExchangeParticipantConfiguration : IEntityTypeConfiguration<ExchangeParticipant>
{
    public void Configure(EntityTypeBuilder<ExchangeParticipant> builder)
    {
        builder.HasOne(p => p.Member).WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<ExchangeListing>().WithMany().HasForeignKey(p => p.ListingId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Bailleur>().WithMany().HasForeignKey(p => p.ReceivingBailleurId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Nur).HasMaxLength(20).IsUnicode(false);
        builder.Property(p => p.ReviewNote).HasMaxLength(1000);
        builder.HasIndex(p => new { p.ProposalId, p.Position }).IsUnique();
        builder.HasIndex(p => new { p.MemberId, p.Answer });
        builder.HasIndex(p => p.ReceivingBailleurId);
    }
}

internal sealed class ExchangeMessageConfiguration : IEntityTypeConfiguration<ExchangeMessage>
{
    public void Configure(EntityTypeBuilder<ExchangeMessage> builder)
    {
        builder.Property(m => m.Body).HasMaxLength(ExchangeListingRules.MaxMessageLength);
        builder.HasOne<ExchangeMember>().WithMany().HasForeignKey(m => m.AuthorMemberId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(m => new { m.ProposalId, m.SentAt });
    }
}

internal sealed class ExchangeMatchingRunConfiguration : IEntityTypeConfiguration<ExchangeMatchingRun>
{
    public void Configure(EntityTypeBuilder<ExchangeMatchingRun> builder)
    {
        builder.HasIndex(r => r.RanAt);
    }
}
