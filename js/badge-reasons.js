// What each badge reason code says to a visitor, in Chinese and English: the one table the badge
// element draws from. The codes come from the verifier (src/badge/, stable) and from badge.js (the key
// set or the engine unavailable); the English `message` of a reason stays in the verification for
// developers and logs. tests/badge-reasons.test.mjs checks that every code the Rust code emits is here.
export const REASONS = {
  'malformed': { zh: '凭证格式不正确', en: 'The credential is malformed' },
  'alg-not-allowed': { zh: '签名算法不被接受（只接受 EdDSA）', en: 'The signature algorithm is refused (only EdDSA is accepted)' },
  'wrong-typ': { zh: '凭证类型不正确', en: 'The credential type is wrong' },
  'key-type-not-allowed': { zh: '签名密钥的类型不被接受', en: 'The signing key is of a type that is not accepted' },
  'unusable-key': { zh: '平台密钥集中的该密钥不可用', en: 'That key of the platform’s key set cannot be used' },
  'unknown-kid': { zh: '平台密钥集中没有签发此徽章的密钥', en: 'The platform’s key set has no key that signed this badge' },
  'bad-signature': { zh: '签名不匹配：徽章被篡改或伪造', en: 'The signature does not match: the badge was altered or forged' },
  'missing-claim': { zh: '缺少必要信息', en: 'Required information is missing' },
  'bad-name': { zh: '名称为空、不可见或含控制字符', en: 'The name is empty, invisible or contains control characters' },
  'bad-validity': { zh: '有效期不合理', en: 'The validity period is impossible' },
  'exp-too-far': { zh: '有效期超过 184 天（须至少每六个月复核）', en: 'Valid for more than 184 days (re-verification is due at least every six months)' },
  'not-yet-valid': { zh: '尚未生效', en: 'Not valid yet' },
  'bad-nbf': { zh: '生效时间格式不正确', en: 'The start of validity (nbf) is malformed' },
  'expired': { zh: '认证已过期，须重新核验', en: 'The verification has expired and must be renewed' },
  'missing-licence': { zh: '缺少人力资源服务许可证信息', en: 'The HR service licence is missing' },
  'licence-expired': { zh: '人力资源服务许可证已过期', en: 'The HR service licence has expired' },
  'licence-not-yet-valid': { zh: '人力资源服务许可证尚未生效', en: 'The HR service licence is not valid yet' },
  'bad-kind': { zh: '账号类型无法识别', en: 'The account kind is not recognised' },
  'uscc-check-digit': { zh: '统一社会信用代码校验位不符（早期试点代码可能如此）', en: 'The USCC check character does not match (early pilot codes may not)' },
  'uscc-shape': { zh: '统一社会信用代码格式不正确', en: 'The Unified Social Credit Code is malformed' },
  'wrong-origin': { zh: '此徽章不是为本网站签发的', en: 'This badge was not issued for this site' },
  'not-https': { zh: '链接不是 https，未显示', en: 'A link is not https and is not shown' },
  'key-skipped': { zh: '平台密钥集中有无法使用的密钥（已跳过）', en: 'A key of the platform’s key set cannot be used (skipped)' },
  'bad-jwks': { zh: '平台的验证密钥配置有误', en: 'The platform’s verification keys are misconfigured' },
  'jwks-unavailable': { zh: '暂时无法获取平台的验证密钥', en: 'The platform’s verification keys cannot be fetched right now' },
  'engine-unavailable': { zh: '验证程序暂时无法运行', en: 'The verifier cannot run right now' },
  'wrong-account': { zh: '此徽章属于另一个账号', en: 'This badge belongs to another account' },
  'revoked': { zh: '平台已撤销此认证', en: 'The platform has revoked this verification' },
  'suspended': { zh: '平台已暂停此认证', en: 'The platform has suspended this verification' },
  'status-unconfirmed': { zh: '无法确认此认证的最新状态（是否已被撤销）', en: 'Whether this verification has been revoked cannot be confirmed' },
  'status-list-unavailable': { zh: '暂时无法获取平台的撤销名单', en: 'The platform’s revocation list cannot be fetched right now' },
  'bad-status': { zh: '徽章的状态信息不正确', en: 'The badge’s status entry is malformed' },
  'retired-key': { zh: '签名密钥在签发前已停用', en: 'The signing key was retired before this was issued' },
  'wrong-list': { zh: '撤销名单与徽章不对应', en: 'The revocation list is not the one the badge names' },
  'list-expired': { zh: '撤销名单已过期', en: 'The revocation list has expired' },
  'bad-list': { zh: '撤销名单格式不正确', en: 'The revocation list is malformed' },
  'bad-exp': { zh: '到期时间格式不正确', en: 'The expiry is malformed' },
  'bad-ttl': { zh: '缓存时间格式不正确', en: 'The cache time is malformed' },
};

/** The visitor's text for a reason: the table's, else the verifier's own message. */
export function reasonText(reason, lang) {
  return REASONS[reason?.code]?.[lang === 'en' ? 'en' : 'zh'] ?? String(reason?.message ?? '');
}
