using Workshops.Studios;
using Workshops.Tests.Support;

namespace Workshops.Tests.Studios;

public sealed class studio_identities
{
    [Fact]
    public void an_identity_folds_as_one_studio_shared_by_every_fold_spanning_studios()
    {
        var identity = StudioIdentity.Of(Given.Established() with { StudioId = Guid.NewGuid() });
        var studio = StudioIdentities.AsStudio(identity);
        Assert.NotNull(studio);
        Assert.Same(studio, StudioIdentities.AsStudio(identity));
        Assert.Equal((identity.Id, identity.Name, identity.Region, identity.Level), (studio.Id, studio.Name, studio.Region, studio.Level));
        // Another identity, even an equal one, is a studio of its own: the studio made is the identity's.
        Assert.NotSame(studio, StudioIdentities.AsStudio(identity with { }));
        Assert.Null(StudioIdentities.AsStudio(null));
    }
}
