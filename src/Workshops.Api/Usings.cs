// What every endpoint file names: the HTTP and authorization attributes, Wolverine's endpoint attributes and the
// project's own cross-cutting helpers (Core). A file imports only what is particular to it.
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Wolverine.Http;
global using Workshops.Core;
global using Workshops.Core.Auth;
global using Workshops.Core.Contract;
global using Workshops.Core.Http;
