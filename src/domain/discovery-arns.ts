// Route 53 Auto Naming ids and ARNs: `ns-` / `srv-` + 16 lower-case characters from the document's
// id stream (D3), `arn:aws:servicediscovery:<region>:<account>:namespace/ns-…` and `…:service/srv-…`
// (semantics 2.1).
import type { ArnScope } from './arns.ts';

export const NAMESPACE_ID = /^ns-[a-z0-9]{16}$/;
export const SERVICE_ID = /^srv-[a-z0-9]{16}$/;

export const namespaceArn = (s: ArnScope, id: string) => `arn:aws:servicediscovery:${s.region}:${s.accountId}:namespace/${id}`;
export const registryServiceArn = (s: ArnScope, id: string) => `arn:aws:servicediscovery:${s.region}:${s.accountId}:service/${id}`;
