using CilPortal.Infrastructure.Captcha;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CilPortal.Infrastructure.Data.Configurations;

internal sealed class UsedCaptchaChallengeConfiguration : IEntityTypeConfiguration<UsedCaptchaChallenge>
{
    public void Configure(EntityTypeBuilder<UsedCaptchaChallenge> builder)
    {
        builder.Property(c => c.Challenge).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(c => c.Challenge).IsUnique();
        builder.HasIndex(c => c.ExpiresAt);
    }
}
