/**
 * The one place the engine imports TensorFlow.js: core ops, the cpu backend, and the gradient
 * registrations (tfjs-core alone registers none, and training fails with "gradient function not
 * found"). The wasm backend is registered at the edges (CLI, Worker), because how its binary is
 * loaded differs per runtime.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

export { tf };
