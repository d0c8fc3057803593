/** The one HTTP API every app is routed on; its own module, so the dispatcher can link to it. */
export const api = new sst.aws.ApiGatewayV2("Api");
